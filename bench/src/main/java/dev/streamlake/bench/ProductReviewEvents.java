package dev.streamlake.bench;

import dev.streamlake.events.ProductReview;

/** Product reviews in the pool: keyed by user. A later pass renames each review (its id plus the pass) as well as moving its time. */
enum ProductReviewEvents implements PoolEvents<ProductReview> {
    INSTANCE;

    @Override
    public Class<ProductReview> type() {
        return ProductReview.class;
    }

    @Override
    public String key(ProductReview review) {
        return review.getUserId();
    }

    @Override
    public long eventTimeMillis(ProductReview review) {
        return review.getTs().toEpochMilli();
    }

    @Override
    public void moveToPass(ProductReview review, long pass, long shiftMillis) {
        review.setTs(review.getTs().plusMillis(shiftMillis));
        review.setReviewId(review.getReviewId() + "-" + pass);
    }
}
