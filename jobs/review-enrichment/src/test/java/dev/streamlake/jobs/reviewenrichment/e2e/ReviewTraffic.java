package dev.streamlake.jobs.reviewenrichment.e2e;

import dev.streamlake.events.ActionKind;
import dev.streamlake.events.ChangeOp;
import dev.streamlake.events.ClickAction;
import dev.streamlake.events.ProductReview;
import dev.streamlake.events.User;
import dev.streamlake.events.UserChange;
import dev.streamlake.events.UserStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A deterministic few days of a shop, from a seed: the users table as Debezium streams it (a
 * snapshot of most users at the start, then creates, status and contact changes, deletes each
 * followed by its tombstone, a deleted user created again, two changes of one user in the same
 * millisecond, changes held back within the out-of-orderness, and two versions that arrive a day
 * behind the watermark: one still the newest of its user, one already superseded), and reviews and
 * click actions of those users: before their user exists, after a delete, long after the user's
 * last change (past the retention), some held back within the out-of-orderness and some sent days
 * after their time (too late). A few steady users change every hour so that each partition of the
 * users topic moves its event time on, as a busy table does.
 *
 * <p>Sent as producers would: in order of when each record is sent (its time, plus its delay).
 */
final class ReviewTraffic {

    static final Instant START = Instant.parse("2024-05-06T00:00:00Z");

    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private static final String[] FIRST = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "John",
        "Margaret", "Ken", "Radia", "Niklaus", "Shafi", "Tony", "Hedy"};
    private static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen",
        "Backus", "Hamilton", "Thompson", "Perlman", "Wirth", "Goldwasser", "Hoare", "Lamarr"};
    private static final String[] COUNTRIES = {"DE", "FR", "GB", "US", "SE", "NL"};
    private static final UserStatus[] STATUSES = UserStatus.values();

    /** Users with a part to play, by index. */
    static final int STEADY_USERS = 10;
    static final int SNAPSHOT_USERS = 30;
    static final int LATE_APPLIED = 20;
    static final int LATE_DROPPED = 21;
    static final int EXPIRING = 22;
    static final int SAME_MILLISECOND = 23;
    static final int DELETED_AND_CREATED_AGAIN = 12;
    static final int[] DELETED = {12, 27, 33};
    /** Deleted without the old row, as Postgres sends it without REPLICA IDENTITY FULL. */
    static final int DELETED_KEY_ONLY = 27;

    /** What the traffic is made of. */
    static final class Shape {
        long seed = 20240506L;
        int users = 40;
        int days = 4;
        int reviewsPerDay = 120;
        int clicksPerDay = 80;
        /** Partitions of the users topic: each gets a steady user's change every hour. */
        int usersPartitions = 2;
        double outOfOrderShare = 0.05;
        Duration maxDelay = Duration.ofMinutes(30);
        double tooLateShare = 0.05;
        Duration tooLateAge = Duration.ofDays(2).plusHours(12);
        /** No too-late record is sent before this much event time has passed. */
        Duration tooLateAfter = Duration.ofDays(2).plusHours(18);
        /** Bad records of every kind between the good ones, each input's own. */
        boolean badRecords;

        Shape seed(long value) {
            seed = value;
            return this;
        }

        Shape withBadRecords() {
            badRecords = true;
            return this;
        }

        Shape perDay(int reviews, int clicks) {
            reviewsPerDay = reviews;
            clicksPerDay = clicks;
            return this;
        }

        /** No record sent days after its time: each is sent then or within the maximum delay. */
        Shape allOnTime() {
            tooLateShare = 0;
            return this;
        }
    }

    /** A record to send, when. */
    private static final class Planned {
        final long due;
        final int sequence;
        final Consumer<SentTraffic> send;

        Planned(long due, int sequence, Consumer<SentTraffic> send) {
            this.due = due;
            this.sequence = sequence;
            this.send = send;
        }
    }

    private final Shape shape;
    private final Random random;
    private final long start = START.toEpochMilli();
    private final List<Planned> planned = new ArrayList<>();
    private final Map<Integer, List<long[]>> forbidden = new HashMap<>();
    private int reviews;
    private int clicks;

    private ReviewTraffic(Shape shape) {
        this.shape = shape;
        this.random = new Random(shape.seed);
    }

    static SentTraffic generate(Shape shape) {
        return new ReviewTraffic(shape).plan();
    }

    /** The user id of an index. */
    static String userId(int index) {
        return String.format("u-%02d", index);
    }

    /** The users topic's partition of a user, as the test's producer partitions it. */
    static int partitionOf(String key, int partitions) {
        return Math.floorMod(key.hashCode(), partitions);
    }

    private SentTraffic plan() {
        for (int index = 0; index < shape.users; index++) {
            live(index);
        }
        heartbeats();
        for (int day = 0; day < shape.days; day++) {
            for (int i = 0; i < shape.reviewsPerDay; i++) {
                review(pickUser(), start + day * DAY + (long) (random.nextDouble() * DAY));
            }
            for (int i = 0; i < shape.clicksPerDay; i++) {
                click(pickUser(), start + day * DAY + (long) (random.nextDouble() * DAY));
            }
        }
        // Every user reviews and clicks once more at the end: every partition of every topic then
        // reaches the end of event time, and none holds the others back by watermark alignment.
        long end = start + shape.days * DAY;
        for (int index = 0; index < shape.users; index++) {
            review(index, end - 40 * MINUTE + index * 10_000L);
            click(index, end - 30 * MINUTE + index * 10_000L);
        }
        if (shape.badRecords) {
            badRecords();
        }
        planned.sort(Comparator.<Planned>comparingLong(p -> p.due).thenComparingInt(p -> p.sequence));
        SentTraffic sent = new SentTraffic();
        planned.forEach(p -> p.send.accept(sent));
        return sent;
    }

    /** A user's changes over the days, by the part it plays. */
    private void live(int index) {
        String id = userId(index);
        long end = start + shape.days * DAY;
        User row;
        long at;
        if (index < SNAPSHOT_USERS) {
            at = start;
            row = newUser(index, start - (1 + random.nextInt(400)) * DAY, start);
            change(ChangeOp.READ, null, row, at, 0, "snapshot of " + id);
        } else {
            at = start + DAY / 2 + (long) (random.nextDouble() * 2 * DAY);
            row = newUser(index, at, at);
            change(ChangeOp.CREATE, null, row, at, delay(), "create of " + id);
            // A review and an action before the user exists.
            review(index, at - 2 * HOUR);
            click(index, at - HOUR);
        }
        switch (index) {
            case LATE_APPLIED:
                // The only change after the snapshot, a day behind the watermark: applied, seen after it came.
                row = changed(row, start + 2 * DAY);
                change(ChangeOp.UPDATE, before(index), row, start + 2 * DAY, DAY, "late change of " + id);
                forbid(index, start + 2 * DAY, start + 3 * DAY + 2 * HOUR);
                review(index, start + DAY);
                review(index, start + 3 * DAY + 6 * HOUR);
                click(index, start + 3 * DAY + 7 * HOUR);
                return;
            case LATE_DROPPED:
                User before = row;
                row = changed(row, start + 2 * DAY + 5 * HOUR);
                change(ChangeOp.UPDATE, before, row, start + 2 * DAY + 5 * HOUR, 0, "change of " + id);
                User superseded = changed(before, start + DAY + 19 * HOUR);
                change(ChangeOp.UPDATE, before, superseded, start + DAY + 19 * HOUR, DAY + 5 * HOUR,
                        "late change of " + id + ", superseded before it came");
                forbid(index, start + DAY + 19 * HOUR, start + 3 * DAY + 2 * HOUR);
                review(index, start + DAY);
                review(index, start + 3 * DAY + 5 * HOUR);
                return;
            case EXPIRING:
                // No change after the snapshot: past the retention the user is no longer known.
                review(index, start + DAY + 23 * HOUR);
                review(index, start + 2 * DAY + HOUR);
                click(index, start + 3 * DAY);
                return;
            case SAME_MILLISECOND:
                long sameMs = start + DAY + 7 * HOUR + 123;
                User first = changed(row, sameMs);
                change(ChangeOp.UPDATE, row, first, sameMs, 0, "first of two changes of " + id + " in one millisecond");
                User second = User.newBuilder(changed(first, sameMs)).setStatus(UserStatus.PLATINUM).build();
                change(ChangeOp.UPDATE, first, second, sameMs, 0, "second of two changes of " + id + " in one millisecond");
                review(index, sameMs);
                review(index, sameMs + HOUR);
                click(index, sameMs + 2 * HOUR);
                return;
            default:
                break;
        }
        int changes = index < STEADY_USERS ? 0 : 2 + random.nextInt(3);
        long deleteAt = isDeleted(index) ? start + 3 * DAY / 2 + (long) (random.nextDouble() * 1.5 * DAY) : end;
        long[] times = new long[changes];
        for (int i = 0; i < changes; i++) {
            times[i] = at + (long) (random.nextDouble() * (deleteAt - at));
        }
        java.util.Arrays.sort(times);
        for (long when : times) {
            User next = changed(row, when);
            change(ChangeOp.UPDATE, row, next, when, delay(), "change of " + id);
            row = next;
        }
        if (isDeleted(index) && deleteAt > at) {
            User before = index == DELETED_KEY_ONLY ? null : row;
            change(id, ChangeOp.DELETE, before, null, deleteAt, 0, "delete of " + id);
            tombstone(id, deleteAt);
            review(index, deleteAt + HOUR);
            click(index, deleteAt + HOUR + MINUTE);
            if (index == DELETED_AND_CREATED_AGAIN) {
                long again = deleteAt + 12 * HOUR;
                User created = newUser(index, again, again);
                change(ChangeOp.CREATE, null, created, again, 0, "create again of " + id);
                review(index, again + HOUR);
            }
        }
    }

    /** Every kind of bad record of each input, at times spread over the days. */
    private void badRecords() {
        User user = before(0);
        long ts = start + DAY;
        ProductReview review = ProductReview.newBuilder()
                .setReviewId("r-bad").setProductId("p-000").setUserId(userId(0)).setRating(3).setTitle(null)
                .setBody("fine").setLanguage("en").setVerifiedPurchase(true).setHelpfulVotes(0).setImageUrls(List.of())
                .setTs(Instant.ofEpochMilli(ts)).build();
        ClickAction action = ClickAction.newBuilder()
                .setActionId("a-bad").setUserId(userId(0)).setSessionId("s-bad").setAction(ActionKind.CLICK)
                .setPage("/cart").setProductId(null).setTs(Instant.ofEpochMilli(ts)).build();
        UserChange change = UserChange.newBuilder()
                .setOp(ChangeOp.UPDATE).setKey(user.getUserId()).setBefore(user)
                .setAfter(User.newBuilder(user).setStatus(UserStatus.GOLD).build())
                .setSourceTs(Instant.ofEpochMilli(ts)).setSourceConnector("mysql").setSourceDb("shop")
                .setSourceTable("users").setSnapshot(false).setTransactionId(null).setProcessedAt(null).build();
        plan(BadRecords.reviews(review), SentTraffic.Feed.REVIEWS, review.getUserId());
        plan(BadRecords.changes(change), SentTraffic.Feed.USERS, change.getKey());
        plan(BadRecords.actions(action), SentTraffic.Feed.CLICKS, action.getUserId());
    }

    private void plan(List<BadRecords.Bad> bad, SentTraffic.Feed feed, String key) {
        for (BadRecords.Bad record : bad) {
            long due = start + HOUR + (long) (random.nextDouble() * (shape.days * DAY - 2 * HOUR));
            plan(due, sent -> sent.bad(feed, key, record.messageKey, record.value, record.reason, record.kind));
        }
    }

    private static boolean isDeleted(int index) {
        for (int deleted : DELETED) {
            if (deleted == index) {
                return true;
            }
        }
        return false;
    }

    /** Every hour, on each partition of the users topic, a change of one of the steady users there. */
    private void heartbeats() {
        List<List<Integer>> steadyByPartition = new ArrayList<>();
        for (int p = 0; p < shape.usersPartitions; p++) {
            steadyByPartition.add(new ArrayList<>());
        }
        for (int index = 0; index < STEADY_USERS; index++) {
            steadyByPartition.get(partitionOf(userId(index), shape.usersPartitions)).add(index);
        }
        Map<Integer, User> rows = new HashMap<>();
        for (int p = 0; p < shape.usersPartitions; p++) {
            if (steadyByPartition.get(p).isEmpty()) {
                throw new IllegalStateException("no steady user in users partition " + p);
            }
        }
        for (long hour = 1; hour < shape.days * 24L; hour++) {
            for (int p = 0; p < shape.usersPartitions; p++) {
                List<Integer> steady = steadyByPartition.get(p);
                int index = steady.get((int) (hour % steady.size()));
                long when = start + hour * HOUR + random.nextInt(60) * MINUTE;
                User before = rows.computeIfAbsent(index, i -> snapshots.get(i));
                User next = changed(before, when);
                change(ChangeOp.UPDATE, before, next, when, 0, "hourly change of " + userId(index));
                rows.put(index, next);
            }
        }
    }

    private final Map<Integer, User> snapshots = new HashMap<>();

    private User before(int index) {
        return snapshots.get(index);
    }

    private User newUser(int index, long createdAt, long updatedAt) {
        String first = FIRST[index % FIRST.length];
        String last = LAST[(index / FIRST.length + index) % LAST.length];
        User user = User.newBuilder()
                .setUserId(userId(index))
                .setFullName(first + " " + last + " " + index)
                .setEmail(first.toLowerCase() + "." + last.toLowerCase() + "." + index + "@example.org")
                .setPhone(random.nextInt(5) == 0 ? null : String.format("+44 7700 9%05d", random.nextInt(100_000)))
                .setCountry(random.nextInt(8) == 0 ? null : COUNTRIES[random.nextInt(COUNTRIES.length)])
                .setBirthDate(random.nextInt(4) == 0 ? null : java.time.LocalDate.ofEpochDay(3000 + random.nextInt(12000)))
                .setStatus(STATUSES[random.nextInt(STATUSES.length)])
                .setMarketingOptIn(random.nextBoolean())
                .setCreatedAt(Instant.ofEpochMilli(createdAt))
                .setUpdatedAt(Instant.ofEpochMilli(updatedAt))
                .build();
        snapshots.putIfAbsent(index, user);
        return user;
    }

    /** The row as a later change leaves it: a new status, now and then a new email or phone. */
    private User changed(User row, long when) {
        User.Builder next = User.newBuilder(row).setUpdatedAt(Instant.ofEpochMilli(when));
        switch (random.nextInt(5)) {
            case 0:
                next.setEmail(row.getEmail().replace("@", "+" + (when % 100_000) + "@"));
                break;
            case 1:
                next.setPhone(String.format("+44 7700 9%05d", random.nextInt(100_000)));
                break;
            case 2:
                next.setMarketingOptIn(!row.getMarketingOptIn());
                break;
            default:
                next.setStatus(STATUSES[random.nextInt(STATUSES.length)]);
        }
        return next.build();
    }

    private void change(ChangeOp op, User before, User after, long ts, long delay, String description) {
        change(after != null ? after.getUserId() : before.getUserId(), op, before, after, ts, delay, description);
    }

    private void change(String key, ChangeOp op, User before, User after, long ts, long delay, String description) {
        UserChange change = UserChange.newBuilder()
                .setOp(op)
                .setKey(key)
                .setBefore(before)
                .setAfter(after)
                .setSourceTs(Instant.ofEpochMilli(ts))
                .setSourceConnector("mysql")
                .setSourceDb("shop")
                .setSourceTable("users")
                .setSnapshot(op == ChangeOp.READ)
                .setTransactionId(null)
                .setProcessedAt(Instant.ofEpochMilli(ts + delay + 40))
                .build();
        plan(ts + delay, sent -> sent.change(description, change));
    }

    private void tombstone(String userId, long at) {
        plan(at, sent -> sent.tombstone(userId));
    }

    /** A user for a review or action: any but those in a window of theirs the data keeps clear. */
    private int pickUser() {
        return random.nextInt(shape.users);
    }

    private void forbid(int index, long from, long to) {
        forbidden.computeIfAbsent(index, i -> new ArrayList<>()).add(new long[] {from, to});
    }

    private boolean isForbidden(int index, long ts) {
        for (long[] window : forbidden.getOrDefault(index, List.of())) {
            if (ts >= window[0] && ts <= window[1]) {
                return true;
            }
        }
        return false;
    }

    private void review(int index, long ts) {
        if (isForbidden(index, ts)) {
            return;
        }
        int number = reviews++;
        Sending sending = sending(ts);
        ProductReview review = ProductReview.newBuilder()
                .setReviewId(String.format("r-%05d", number))
                .setProductId(String.format("p-%03d", random.nextInt(200)))
                .setUserId(userId(index))
                .setRating(1 + random.nextInt(5))
                .setTitle(random.nextInt(4) == 0 ? null : "Review number " + number)
                .setBody("Arrived in " + (1 + random.nextInt(9)) + " days; works as described.")
                .setLanguage(random.nextInt(3) == 0 ? null : random.nextBoolean() ? "en" : "de")
                .setVerifiedPurchase(random.nextBoolean())
                .setHelpfulVotes(random.nextInt(40))
                .setImageUrls(images(number))
                .setTs(Instant.ofEpochMilli(sending.time))
                .build();
        String description = sending.what("review") + " " + review.getReviewId() + " of " + review.getUserId() + " at " + review.getTs();
        plan(sending.at, sent -> sent.review(description, review));
    }

    private List<String> images(int number) {
        List<String> urls = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            urls.add("https://img.example.com/reviews/" + number + "-" + i + ".jpg");
        }
        return urls;
    }

    private void click(int index, long ts) {
        if (isForbidden(index, ts)) {
            return;
        }
        int number = clicks++;
        Sending sending = sending(ts);
        ActionKind kind = ActionKind.values()[random.nextInt(ActionKind.values().length)];
        ClickAction action = ClickAction.newBuilder()
                .setActionId(String.format("a-%05d", number))
                .setUserId(userId(index))
                .setSessionId("s-" + index + "-" + (ts / (6 * HOUR)))
                .setAction(kind)
                .setPage(kind == ActionKind.VIEW ? "/products" : "/cart")
                .setProductId(random.nextInt(4) == 0 ? null : String.format("p-%03d", random.nextInt(200)))
                .setTs(Instant.ofEpochMilli(sending.time))
                .build();
        String description = sending.what("action") + " " + action.getActionId() + " of " + action.getUserId() + " at " + action.getTs();
        plan(sending.at, sent -> sent.click(description, action));
    }

    /** When a record is sent, and the time it carries. */
    private static final class Sending {
        final long at;
        final long time;
        final boolean tooLate;

        Sending(long at, long time, boolean tooLate) {
            this.at = at;
            this.time = time;
            this.tooLate = tooLate;
        }

        String what(String record) {
            return tooLate ? "too-late " + record : record;
        }
    }

    /**
     * A record of time {@code ts} is sent then or a little later; now and then, once the stream
     * has run long enough, one sent then carries a time days old instead (too late).
     */
    private Sending sending(long ts) {
        long at = ts + delay();
        if (at - start >= shape.tooLateAfter.toMillis() && random.nextDouble() < shape.tooLateShare) {
            return new Sending(at, at - shape.tooLateAge.toMillis() - random.nextInt(60) * MINUTE, true);
        }
        return new Sending(at, ts, false);
    }

    /** Mostly none; now and then up to the maximum delay, out of order but on time. */
    private long delay() {
        return random.nextDouble() < shape.outOfOrderShare ? 1 + (long) (random.nextDouble() * shape.maxDelay.toMillis()) : 0;
    }

    private void plan(long due, Consumer<SentTraffic> send) {
        planned.add(new Planned(due, planned.size(), send));
    }
}
