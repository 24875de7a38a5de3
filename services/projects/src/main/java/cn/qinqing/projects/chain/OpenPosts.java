package cn.qinqing.projects.chain;

import cn.qinqing.language.ChainLink;
import java.util.List;

/** The needs and offers open on the market, for the chain view; the market feature answers it. */
public interface OpenPosts {

    /** Every published post that is still open; drafts are never among them. */
    List<OpenPost> openPosts();

    /** A published, open post: kind is NEED or OFFER. */
    record OpenPost(String postId, String kind, String enterpriseId, ChainLink chainLink, String product) {}
}
