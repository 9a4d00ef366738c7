package dev.streamlake.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Grouped bars of median events per CPU-second: one group per state backend and key count,
 * one bar per segment (A, R, S, P), drawn with plain Java2D so no charting library is needed.
 */
final class ThroughputChart {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 600;
    private static final int LEFT = 90;
    private static final int BOTTOM = 90;
    private static final int TOP = 60;
    private static final Color[] SEGMENT_COLOURS = {
        new Color(0x9E9E9E), new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C)
    };

    private ThroughputChart() {}

    static void write(Path file, SegmentStatistics statistics, List<String> segments, List<StateKind> states,
            List<Integer> keyCounts, String keyNoun, String title) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);

        double max = 1;
        for (StateKind state : states) {
            for (int keys : keyCounts) {
                for (String segment : segments) {
                    double value = statistics.medianEventsPerCpuSecond(segment, state, keys);
                    if (!Double.isNaN(value)) {
                        max = Math.max(max, value);
                    }
                }
            }
        }
        double scale = niceCeiling(max);
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int plotWidth = WIDTH - LEFT - 30;

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int tick = 0; tick <= 5; tick++) {
            int y = TOP + plotHeight - tick * plotHeight / 5;
            g.setColor(new Color(0xE0E0E0));
            g.drawLine(LEFT, y, LEFT + plotWidth, y);
            g.setColor(Color.BLACK);
            g.drawString(String.format("%,.0f", scale * tick / 5), 5, y + 4);
        }

        int groups = states.size() * keyCounts.size();
        int groupWidth = plotWidth / Math.max(1, groups);
        int barWidth = (groupWidth - 20) / segments.size();
        int group = 0;
        for (StateKind state : states) {
            for (int keys : keyCounts) {
                int x0 = LEFT + group * groupWidth + 10;
                for (int s = 0; s < segments.size(); s++) {
                    double value = statistics.medianEventsPerCpuSecond(segments.get(s), state, keys);
                    if (Double.isNaN(value)) {
                        continue;
                    }
                    int height = (int) Math.round(value / scale * plotHeight);
                    g.setColor(SEGMENT_COLOURS[s % SEGMENT_COLOURS.length]);
                    g.fillRect(x0 + s * barWidth, TOP + plotHeight - height, barWidth - 2, height);
                }
                g.setColor(Color.BLACK);
                g.drawString(state.label() + ", " + String.format("%,d", keys) + " " + keyNoun, x0, TOP + plotHeight + 20);
                group++;
            }
        }
        g.setStroke(new BasicStroke(1));
        g.drawLine(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight);
        for (int s = 0; s < segments.size(); s++) {
            int x = LEFT + s * 150;
            g.setColor(SEGMENT_COLOURS[s % SEGMENT_COLOURS.length]);
            g.fillRect(x, HEIGHT - 35, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(segments.get(s), x + 20, HEIGHT - 23);
        }
        g.drawString("median events per process-CPU-second", LEFT + 4 * 150, HEIGHT - 23);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    /** The next 1, 2 or 5 times a power of ten at or above the value, for round axis ticks. */
    private static double niceCeiling(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
