package cn.qinqing.portal.industry;

import cn.qinqing.language.Role;
import cn.qinqing.portal.web.PortalUser;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The industrial chain (产业链) on one page for leaders, supervisors, dispatchers and admins: its links left to right,
 * upstream first, and under each link its enterprises (chain masters marked), key projects with their status, open
 * appeals and blockers, and open needs and offers — each a link to its own page.
 */
@Controller
class IndustryChainPages {

    private final IndustryChainApi chains;

    IndustryChainPages(IndustryChainApi chains) {
        this.chains = chains;
    }

    @GetMapping("/industry-chain")
    String chain(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Model model) {
        model.addAttribute("chain", chains.chain(asOf));
        model.addAttribute("asOf", asOf);
        // a leader's enterprises have a page of their own (包联企业); appeals open on the staff's appeal page
        model.addAttribute(
                "liaisonPages",
                PortalUser.current().map(user -> user.role() == Role.LEADER).orElse(false));
        // a post opens on the broker's page with its candidates; a supervisor, who does not broker, reads it in place
        model.addAttribute(
                "brokerPages",
                PortalUser.current()
                        .map(user -> user.role() == Role.DISPATCHER
                                || user.role() == Role.LEADER
                                || user.role() == Role.ADMIN)
                        .orElse(false));
        // a dispatcher routes appeals and has no project pages (the projects service refuses them): names only
        model.addAttribute(
                "projectPages",
                PortalUser.current().map(user -> user.role() != Role.DISPATCHER).orElse(false));
        return "industry/chain";
    }
}
