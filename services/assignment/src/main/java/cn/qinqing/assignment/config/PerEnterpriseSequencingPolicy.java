package cn.qinqing.assignment.config;

import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.appeal.AppealWithdrawnEvent;
import cn.qinqing.language.enterprise.EnterpriseRegisteredEvent;
import cn.qinqing.language.meeting.ActionItemRaisedEvent;
import cn.qinqing.language.project.BlockerRaisedEvent;
import cn.qinqing.platform.messaging.PerAppealSequencingPolicy;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * The routing reaction's order: everything about one enterprise in stream order, so that its registration (chain
 * position, district) is handled before its first appeal is routed, a meeting's action item before the appeal it
 * becomes, and a withdrawal after the filing it withdraws.
 * Different enterprises proceed independently, so one appeal that cannot be routed holds up its own enterprise only.
 */
class PerEnterpriseSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    private final PerAppealSequencingPolicy fallback = new PerAppealSequencingPolicy();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof EnterpriseRegisteredEvent registered) {
            return "enterprise:" + registered.enterpriseId();
        }
        if (payload instanceof AppealFiledEvent filed) {
            return "enterprise:" + filed.enterpriseId();
        }
        if (payload instanceof ActionItemRaisedEvent raised) {
            return "enterprise:" + raised.enterpriseId();
        }
        if (payload instanceof BlockerRaisedEvent blocker) {
            return "enterprise:" + blocker.enterpriseId();
        }
        if (payload instanceof AppealWithdrawnEvent withdrawn) {
            return "enterprise:" + withdrawn.enterpriseId();
        }
        return fallback.getSequenceIdentifierFor(event);
    }
}
