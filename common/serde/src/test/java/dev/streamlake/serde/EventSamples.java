package dev.streamlake.serde;

import dev.streamlake.events.ActionKind;
import dev.streamlake.events.Address;
import dev.streamlake.events.Alert;
import dev.streamlake.events.CardAlert;
import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.events.CardRule;
import dev.streamlake.events.CardRuleKind;
import dev.streamlake.events.ClickAction;
import dev.streamlake.events.ChangeOp;
import dev.streamlake.events.DeadLetter;
import dev.streamlake.events.EnrichedReview;
import dev.streamlake.events.Order;
import dev.streamlake.events.OrderLine;
import dev.streamlake.events.OrderStatus;
import dev.streamlake.events.PaymentChannel;
import dev.streamlake.events.ProductReview;
import dev.streamlake.events.RecordOrigin;
import dev.streamlake.events.ScoredTransaction;
import dev.streamlake.events.SensorReading;
import dev.streamlake.events.SensorWindowStats;
import dev.streamlake.events.Severity;
import dev.streamlake.events.User;
import dev.streamlake.events.UserChange;
import dev.streamlake.events.UserMatch;
import dev.streamlake.events.UserStatus;
import dev.streamlake.events.VipAction;

import org.apache.avro.specific.SpecificRecordBase;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Realistic instances of every event type, the same on every run: sample {@code n} of a type is a
 * pure function of {@code n}. Even samples fill every optional field, odd ones leave them null, and
 * the texts include non-ASCII letters, emoji and characters JSON must escape.
 */
public final class EventSamples {

    /** Samples per type in {@link #all()}: enough to cover every variant below. */
    public static final int PER_TYPE = 4;

    private static final Instant BASE_TIME = Instant.parse("2024-05-01T08:00:00Z");
    private static final String[] SITES = {"plant-north", "plant-south", "warehouse-7"};
    private static final String[] NAMES = {"Ana Souza", "Zoë Ångström", "Mika Häkkinen", "李雷"};
    private static final String[] COUNTRIES = {"BR", "SE", "FI", "CN"};
    private static final String[] PHONES = {"+55 11 98765-4321", "+46 70 123 45 67", "+358 40 1234567", "+86 138 0013 8000"};
    private static final String[] BODIES = {
        "Works as described.",
        "Great kettle 👍 — boils in \"2 minutes\",\nquiet too.",
        "Stopped working after a week; support said \\ \"not covered\".",
        "Très bien, mais un peu cher."
    };

    private EventSamples() {}

    /** {@link #PER_TYPE} samples of every event type, the dead letter included. */
    public static List<SpecificRecordBase> all() {
        List<SpecificRecordBase> samples = new ArrayList<>();
        List<IntFunction<SpecificRecordBase>> factories =
                List.of(
                        EventSamples::sensorReading,
                        EventSamples::cardAuthorisation,
                        EventSamples::cardRule,
                        EventSamples::scoredTransaction,
                        EventSamples::cardAlert,
                        EventSamples::order,
                        EventSamples::productReview,
                        EventSamples::user,
                        EventSamples::userChange,
                        EventSamples::sensorWindowStats,
                        EventSamples::alert,
                        EventSamples::enrichedReview,
                        EventSamples::clickAction,
                        EventSamples::vipAction,
                        EventSamples::deadLetter);
        for (IntFunction<SpecificRecordBase> factory : factories) {
            for (int n = 0; n < PER_TYPE; n++) {
                samples.add(factory.apply(n));
            }
        }
        return samples;
    }

    public static SensorReading sensorReading(int n) {
        return SensorReading.newBuilder()
                .setSensorId("sensor-" + (n % 17))
                .setTs(at(n))
                .setReading(n == 3 ? Double.NaN : 18.5 + n * 0.37)
                .setUnit(n % 2 == 0 ? "celsius" : "kPa")
                .setSite(SITES[n % SITES.length])
                .build();
    }

    public static CardAuthorisation cardAuthorisation(int n) {
        boolean full = n % 2 == 0;
        return CardAuthorisation.newBuilder()
                .setAuthorisationId("auth-" + (100_000 + n))
                .setCardId("tok_" + Integer.toHexString(0xC0FFEE + n))
                .setCardFingerprint(ByteBuffer.wrap(sha256("4000 0000 0000 " + (1000 + n))))
                .setMerchantId("merchant-" + (n % 5))
                .setMerchantCategoryCode(n % 2 == 0 ? "5411" : "5812")
                .setAmount(new BigDecimal(n == 2 ? "9999999999999999.99" : (12 + n * 31) + ".05"))
                .setCurrency(n % 2 == 0 ? "EUR" : "SEK")
                .setChannel(PaymentChannel.values()[n % PaymentChannel.values().length])
                .setMerchantCountry(COUNTRIES[n % COUNTRIES.length])
                .setLatitude(full ? 59.3293 + n : null)
                .setLongitude(full ? 18.0686 - n : null)
                .setApproved(n != 1)
                .setResponseCode(n != 1 ? "00" : "05")
                .setRiskScore(full ? 0.125f * (n + 1) : null)
                .setTs(at(n))
                .build();
    }

    public static CardRule cardRule(int n) {
        CardRuleKind kind = CardRuleKind.values()[n % CardRuleKind.values().length];
        CardRule.Builder rule = CardRule.newBuilder()
                .setRuleId(kind == CardRuleKind.VELOCITY ? "velocity" : "rule-" + n)
                .setVersion(n + 1)
                .setKind(kind)
                .setEnabled(n != 2)
                .setEffectiveFrom(at(n))
                .setSuppressionMs(n == 3 ? 0L : null);
        switch (kind) {
            case VELOCITY:
                return rule.setMaxAttempts(3).setWindowMs(5_000L).setSlideMs(n == 3 ? 1_000L : null)
                        .setDeclinedOnly(n == 3).build();
            case AMOUNT_SPIKE:
                return rule.setAmountFactor(5.0).setZScore(4.0).setMinHistoryDays(3).build();
            case RECENT_COUNT:
            default:
                return rule.setMaxAttempts(20).build();
        }
    }

    public static ScoredTransaction scoredTransaction(int n) {
        CardAuthorisation authorisation = cardAuthorisation(n);
        return ScoredTransaction.newBuilder()
                .setAuthorisationId(authorisation.getAuthorisationId())
                .setCardId(authorisation.getCardId())
                .setMerchantId(authorisation.getMerchantId())
                .setMerchantCategoryCode(authorisation.getMerchantCategoryCode())
                .setAmount(authorisation.getAmount())
                .setCurrency(authorisation.getCurrency())
                .setChannel(authorisation.getChannel().name())
                .setMerchantCountry(authorisation.getMerchantCountry())
                .setApproved(authorisation.getApproved())
                .setResponseCode(authorisation.getResponseCode())
                .setTs(authorisation.getTs())
                .setBaselineCount(n * 7)
                .setBaselineMean(n == 0 ? null : 40.5 + n)
                .setBaselineStddev(n == 0 ? null : 3.25 * n)
                .setHistoryDays(n)
                .setRecentCount(n * 2)
                .setVelocityCount(1 + n)
                .build();
    }

    public static CardAlert cardAlert(int n) {
        boolean velocity = n % 2 == 0;
        return CardAlert.newBuilder()
                .setAlertId(String.format("%032x", 0xA1E7L + n))
                .setRuleId(velocity ? "velocity" : "amount-spike")
                .setRuleVersion(n)
                .setRuleKind(velocity ? "VELOCITY" : "AMOUNT_SPIKE")
                .setCardId("tok_" + Integer.toHexString(0xC0FFEE + n))
                .setAuthorisationId("auth-" + (100_000 + n))
                .setEventTime(at(n))
                .setDetectedAt(at(n + 1))
                .setObservedCount(velocity ? 4 + n : null)
                .setWindowStart(velocity ? at(n) : null)
                .setWindowEnd(velocity ? at(n).plusSeconds(5) : null)
                .setAmount(velocity ? null : new BigDecimal("1234.50"))
                .setBaselineMean(velocity ? null : 40.5)
                .setBaselineStddev(velocity ? null : 3.25)
                .setHistoryDays(velocity ? null : 4)
                .setThresholdCount(velocity ? 3 : null)
                .setThresholdFactor(velocity ? null : 5.0)
                .setThresholdZScore(velocity ? null : 4.0)
                .setMinHistoryDays(velocity ? null : 3)
                .setAuthorisationIds(velocity ? List.of("auth-1", "auth-2", "auth-3", "auth-" + (100_000 + n)) : List.of())
                .setExplanation(velocity ? "4 attempts in 5s, more than 3" : "amount 1234.50 is 30.5 times the mean")
                .build();
    }

    public static Order order(int n) {
        boolean full = n % 2 == 0;
        List<OrderLine> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (int line = 0; line <= n % 3; line++) {
            BigDecimal unitPrice = new BigDecimal((3 + line * 7) + ".99");
            int quantity = 1 + (n + line) % 4;
            lines.add(new OrderLine("SKU-" + (4_000 + n * 10 + line), "product-" + line, quantity, unitPrice));
            total = total.add(unitPrice.multiply(BigDecimal.valueOf(quantity)));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        if (full) {
            attributes.put("channel", "app");
            attributes.put("campaign", "spring-sale ☀");
        }
        return Order.newBuilder()
                .setOrderId("order-" + (5_000 + n))
                .setUserId("user-" + (n % 3))
                .setStatus(OrderStatus.values()[n % OrderStatus.values().length])
                .setLines(lines)
                .setTotal(total)
                .setCurrency("EUR")
                .setShippingAddress(full ? new Address("Storgatan " + (n + 1), "Malmö", "211 34", "SE") : null)
                .setPromisedDeliveryDate(full ? LocalDate.of(2024, 5, 3 + n) : null)
                .setCouponCode(full ? "WELCOME10" : null)
                .setGift(n == 2)
                .setAttributes(attributes)
                .setTs(at(n))
                .build();
    }

    public static ProductReview productReview(int n) {
        boolean full = n % 2 == 0;
        List<String> images = new ArrayList<>();
        for (int i = 0; i < n % 3; i++) {
            images.add("https://cdn.example.com/reviews/" + n + "/" + i + ".jpg");
        }
        return ProductReview.newBuilder()
                .setReviewId("review-" + (700 + n))
                .setProductId("product-" + (n % 2))
                .setUserId("user-" + (n % 3))
                .setRating(1 + n % 5)
                .setTitle(full ? "Review " + n + ": " + NAMES[n % NAMES.length] : null)
                .setBody(BODIES[n % BODIES.length])
                .setLanguage(full ? "sv-SE" : null)
                .setVerifiedPurchase(n % 3 != 1)
                .setHelpfulVotes(n * 4)
                .setImageUrls(images)
                .setTs(at(n))
                .build();
    }

    public static User user(int n) {
        boolean full = n % 2 == 0;
        return User.newBuilder()
                .setUserId("user-" + n)
                .setFullName(NAMES[n % NAMES.length])
                .setEmail("user" + n + "@example.com")
                .setPhone(full ? PHONES[n % PHONES.length] : null)
                .setCountry(full ? COUNTRIES[n % COUNTRIES.length] : null)
                .setBirthDate(full ? LocalDate.of(1970 + n * 7, 1 + n, 28) : null)
                .setStatus(UserStatus.values()[n % UserStatus.values().length])
                .setMarketingOptIn(n % 3 == 0)
                .setCreatedAt(BASE_TIME.minus(Duration.ofDays(400 + n)))
                .setUpdatedAt(at(n))
                .build();
    }

    /** Cycles through create, update, delete and snapshot read. */
    public static UserChange userChange(int n) {
        ChangeOp op = ChangeOp.values()[n % ChangeOp.values().length];
        User before = op == ChangeOp.UPDATE || op == ChangeOp.DELETE ? user(n) : null;
        User after = op == ChangeOp.DELETE ? null : withEmail(user(n), "changed" + n + "@example.com");
        return UserChange.newBuilder()
                .setOp(op)
                .setKey("user-" + n)
                .setBefore(before)
                .setAfter(after)
                .setSourceTs(at(n))
                .setSourceConnector(n == 1 ? null : "postgresql")
                .setSourceDb("shop")
                .setSourceTable("users")
                .setSnapshot(op == ChangeOp.READ)
                .setTransactionId(n % 2 == 0 ? "tx-" + (900 + n) : null)
                .setProcessedAt(n == 1 ? null : at(n).plusMillis(350))
                .build();
    }

    public static SensorWindowStats sensorWindowStats(int n) {
        Instant windowStart = BASE_TIME.plus(Duration.ofMinutes(n));
        return SensorWindowStats.newBuilder()
                .setSensorId("sensor-" + (n % 17))
                .setSite(SITES[n % SITES.length])
                .setWindowStart(windowStart)
                .setWindowEnd(windowStart.plus(Duration.ofMinutes(1)))
                .setCount(60L + n)
                .setMin(17.25 - n)
                .setMax(23.5 + n)
                .setMean(20.125)
                .setStddev(1.0 / 3)
                .setFirstReading(18.0)
                .setLastReading(22.75)
                .setFirstTs(windowStart.plusMillis(120))
                .setLastTs(windowStart.plusMillis(59_880))
                .setRevision(n % 2)
                .setEmittedAt(windowStart.plus(Duration.ofSeconds(65 + n)))
                .build();
    }

    public static Alert alert(int n) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("authorisations", String.valueOf(5 + n));
        details.put("window", "PT1M");
        if (n % 2 == 0) {
            details.put("countries", "SE,FI");
        }
        return Alert.newBuilder()
                .setAlertId("card-velocity:tok_c0ffee:" + at(n).toEpochMilli())
                .setRule("card-velocity")
                .setEntityType("card")
                .setEntityKey("tok_" + Integer.toHexString(0xC0FFEE + n))
                .setSeverity(Severity.values()[n % Severity.values().length])
                .setScore(3.5 + n * 1.25)
                .setEventTime(at(n))
                .setDetectedAt(at(n).plusMillis(1_500))
                .setDetails(details)
                .build();
    }

    /** Cycles through a found user, no version and a deleted one. */
    public static EnrichedReview enrichedReview(int n) {
        ProductReview review = productReview(n);
        UserMatch match = UserMatch.values()[n % UserMatch.values().length];
        User user = match == UserMatch.FOUND ? user(n % 3) : null;
        return EnrichedReview.newBuilder()
                .setReviewId(review.getReviewId())
                .setProductId(review.getProductId())
                .setUserId(review.getUserId())
                .setRating(review.getRating())
                .setTitle(review.getTitle())
                .setBody(review.getBody())
                .setLanguage(review.getLanguage())
                .setVerifiedPurchase(review.getVerifiedPurchase())
                .setHelpfulVotes(review.getHelpfulVotes())
                .setImageUrls(review.getImageUrls())
                .setTs(review.getTs())
                .setUserMatch(match)
                .setUserFullName(user == null ? null : sha256Hex(user.getFullName()))
                .setUserEmail(user == null ? null : sha256Hex(user.getEmail()))
                .setUserPhone(user == null ? null : sha256Hex(user.getPhone()))
                .setUserCountry(user == null ? null : user.getCountry())
                .setUserStatus(user == null ? null : user.getStatus())
                .setUserMarketingOptIn(user == null ? null : user.getMarketingOptIn())
                .setUserCreatedAt(user == null ? null : user.getCreatedAt())
                .setUserUpdatedAt(user == null ? null : user.getUpdatedAt())
                .build();
    }

    public static ClickAction clickAction(int n) {
        return ClickAction.newBuilder()
                .setActionId("action-" + (300 + n))
                .setUserId("user-" + (n % 3))
                .setSessionId("session-" + (n % 2))
                .setAction(ActionKind.values()[n % ActionKind.values().length])
                .setPage(n % 2 == 0 ? "/products/" + n : "/")
                .setProductId(n % 2 == 0 ? "product-" + n : null)
                .setTs(at(n))
                .build();
    }

    public static VipAction vipAction(int n) {
        ClickAction action = clickAction(n);
        return VipAction.newBuilder()
                .setActionId(action.getActionId())
                .setUserId(action.getUserId())
                .setSessionId(action.getSessionId())
                .setAction(action.getAction())
                .setPage(action.getPage())
                .setProductId(action.getProductId())
                .setTs(action.getTs())
                .setUserStatus(UserStatus.PLATINUM)
                .setUserCountry(n % 2 == 0 ? COUNTRIES[n % COUNTRIES.length] : null)
                .build();
    }

    public static DeadLetter deadLetter(int n) {
        return DeadLetter.newBuilder()
                .setRaw(n == 1 ? null : ByteBuffer.wrap(("{\"sensor_id\": " + n).getBytes(StandardCharsets.UTF_8)))
                .setOrigin(new RecordOrigin("kafka", "sensor-readings", String.valueOf(n % 3), String.valueOf(1_000 + n), n == 3 ? null : at(n)))
                .setFormat("json")
                .setTargetType("SensorReading")
                .setErrorClass("com.fasterxml.jackson.core.io.JsonEOFException")
                .setErrorMessage("not valid JSON: Unexpected end-of-input")
                .setIngestionTime(at(n).plusSeconds(2))
                .build();
    }

    private static Instant at(int n) {
        return BASE_TIME.plusMillis(n * 61_237L);
    }

    private static User withEmail(User user, String email) {
        return User.newBuilder(user).setEmail(email).build();
    }

    /** A stand-in for a pseudonym: 64 hex digits; null stays null. */
    private static String sha256Hex(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : sha256(value)) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
