package cn.qinqing.projects.market.query;

import cn.qinqing.projects.chain.OpenPosts;
import java.util.List;
import org.springframework.stereotype.Component;

/** The market's answer to the chain view: every published post still open, drafts never. */
@Component
class MarketOpenPosts implements OpenPosts {

    private final Markets markets;

    MarketOpenPosts(Markets markets) {
        this.markets = markets;
    }

    @Override
    public List<OpenPost> openPosts() {
        return markets.open().stream()
                .map(post -> new OpenPost(
                        post.postId().toString(), post.kind(), post.enterpriseId(), post.chainLink(), post.product()))
                .toList();
    }
}
