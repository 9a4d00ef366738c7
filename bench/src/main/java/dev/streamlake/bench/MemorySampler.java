package dev.streamlake.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap and peak resident set size during one segment. The live heap is the heap in use after
 * each GC (from GC notifications); the heap peak comes from the heap pools' own peak counters
 * (reset at the start), which see every allocation between GCs; RSS is sampled from
 * /proc/self/status VmRSS, because VmHWM is the peak of the whole process life.
 */
final class MemorySampler implements AutoCloseable {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final long SAMPLE_MILLIS = 100;

    private final List<MemoryPoolMXBean> heapPools =
            ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP)
                    .collect(Collectors.toList());
    private final Thread sampler;
    private volatile boolean running = true;
    private final Set<String> heapPoolNames =
            heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final NotificationListener afterGc = this::onGc;
    private volatile long peakRss;
    private volatile long peakLiveHeap = -1;

    MemorySampler() {
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        ManagementFactory.getGarbageCollectorMXBeans()
                .forEach(gc -> ((NotificationEmitter) gc).addNotificationListener(afterGc, null, null));
        sampler = new Thread(this::sample, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (running) {
            peakRss = Math.max(peakRss, residentBytes());
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void onGc(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long live = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                .filter(pool -> heapPoolNames.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed())
                .sum();
        peakLiveHeap = Math.max(peakLiveHeap, live);
    }

    long peakLiveHeapBytes() {
        return peakLiveHeap;
    }

    /** Sum of the heap pools' peaks since the start: an upper bound of the heap in use at any time. */
    long peakHeapBytes() {
        return heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    long peakRssBytes() {
        return Math.max(peakRss, residentBytes());
    }

    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() throws Exception {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).removeNotificationListener(afterGc);
        }
        running = false;
        sampler.interrupt();
        sampler.join();
    }
}
