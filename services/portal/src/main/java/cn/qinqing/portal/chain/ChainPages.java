package cn.qinqing.portal.chain;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The causal chain of one appeal on one page (topic → meeting → decision → action item → appeal → case file →
 * close-out), each link leading to its own page where the user may open it. For supervisors, admins and the leaders
 * whose chain of command the appeal concerns; the oversight service decides (another appeal: 404).
 */
@Controller
class ChainPages {

    private final ChainApi chains;

    ChainPages(ChainApi chains) {
        this.chains = chains;
    }

    @GetMapping("/appeals/{id}/chain")
    String chain(@PathVariable UUID id, Model model) {
        model.addAttribute("chain", chains.chain(id));
        return "chain/chain";
    }
}
