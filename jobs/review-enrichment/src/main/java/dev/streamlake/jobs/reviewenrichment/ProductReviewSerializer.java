package dev.streamlake.jobs.reviewenrichment;

import dev.streamlake.events.ProductReview;
import dev.streamlake.serde.state.FieldByFieldSerializer;
import dev.streamlake.serde.state.LayoutSnapshot;
import dev.streamlake.serde.state.SerializerTypeInfo;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a review's fields directly: every review crosses the network to the task of its user,
 * then waits in the join's state; Avro's generic reader and writer cost several times more per
 * record (the benchmark's P segment).
 *
 * <p>Layout 1: the texts as UTF-8 (null for an absent optional one), the rating, the purchase
 * flag, the votes, the image URLs' count and each URL, the time.
 */
public final class ProductReviewSerializer extends FieldByFieldSerializer<ProductReview> {

    private static final long serialVersionUID = 1L;

    private static final int LAYOUT = 1;

    public static final ProductReviewSerializer INSTANCE = new ProductReviewSerializer();

    /** The reviews' type in the job's streams and state. */
    public static final TypeInformation<ProductReview> TYPE_INFO =
            new SerializerTypeInfo<>(ProductReview.class, INSTANCE);

    private ProductReviewSerializer() {
        super(LAYOUT);
    }

    @Override
    public ProductReview createInstance() {
        return new ProductReview();
    }

    @Override
    public ProductReview copy(ProductReview from) {
        ProductReview copy = ProductReview.newBuilder(from).build();
        copy.setImageUrls(new ArrayList<>(from.getImageUrls()));
        return copy;
    }

    @Override
    public void serialize(ProductReview review, DataOutputView out) throws IOException {
        writeText(review.getReviewId(), out);
        writeText(review.getProductId(), out);
        writeText(review.getUserId(), out);
        out.writeInt(review.getRating());
        writeText(review.getTitle(), out);
        writeText(review.getBody(), out);
        writeText(review.getLanguage(), out);
        out.writeBoolean(review.getVerifiedPurchase());
        out.writeInt(review.getHelpfulVotes());
        List<String> imageUrls = review.getImageUrls();
        out.writeInt(imageUrls.size());
        for (String url : imageUrls) {
            writeText(url, out);
        }
        out.writeLong(review.getTs().toEpochMilli());
    }

    @Override
    public ProductReview deserialize(DataInputView in) throws IOException {
        ProductReview review = new ProductReview();
        review.setReviewId(readText(in));
        review.setProductId(readText(in));
        review.setUserId(readText(in));
        review.setRating(in.readInt());
        review.setTitle(readText(in));
        review.setBody(readText(in));
        review.setLanguage(readText(in));
        review.setVerifiedPurchase(in.readBoolean());
        review.setHelpfulVotes(in.readInt());
        int urls = in.readInt();
        List<String> imageUrls = new ArrayList<>(urls);
        for (int i = 0; i < urls; i++) {
            imageUrls.add(readText(in));
        }
        review.setImageUrls(imageUrls);
        review.setTs(Instant.ofEpochMilli(in.readLong()));
        return review;
    }

    @Override
    protected LayoutSnapshot<ProductReview> newSnapshot() {
        return new Snapshot();
    }

    /** Restores the serializer from a checkpoint or savepoint. */
    public static final class Snapshot extends LayoutSnapshot<ProductReview> {

        public Snapshot() {
            super(INSTANCE);
        }
    }
}
