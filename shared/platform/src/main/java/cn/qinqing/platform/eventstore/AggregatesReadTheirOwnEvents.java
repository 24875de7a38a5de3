package cn.qinqing.platform.eventstore;

import org.axonframework.spring.config.SpringAggregateConfigurer;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * R9: an aggregate is loaded only from events of its own type. Every service appends to one event store and an
 * aggregate is looked up by its identifier alone, so without this a meetings command sent with an appeal's id would
 * load the appeal's events into a {@code BreakfastMeeting} and fail with a 500. With it, the repository reads the
 * stream filtered on the aggregate type that the store keeps beside every event (its {@code type} column, the
 * {@code @Aggregate(type = …)} that appended it): the events of another kind are skipped, the stream is empty, and the
 * command fails with {@code AggregateNotFoundException}, which the services answer with 404 exactly as for an unknown
 * id. Nothing is appended, and no event of one kind is ever applied to an aggregate of another.
 *
 * <p>Axon's own switch ({@code @Aggregate(filterEventsByType = true)}), turned on for every aggregate of every service
 * here so that no aggregate can forget it. A create with an identifier that another kind already holds still fails on
 * the store's unique (aggregate identifier, sequence number) key: 409 "already exists", nothing appended.
 */
final class AggregatesReadTheirOwnEvents implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof SpringAggregateConfigurer<?> aggregate) {
            aggregate.setFilterEventsByType(true);
        }
        return bean;
    }
}
