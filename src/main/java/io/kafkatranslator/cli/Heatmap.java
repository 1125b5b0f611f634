package io.kafkatranslator.cli;

import io.kafkatranslator.engine.Translation;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The word-level alignment matrix of a whole message as a heatmap: source words across the top,
 * target words down the side, darker for more weight, a colour scale under it. A row marked * is
 * pale because most of that word's weight went to the end-of-sentence token, which has no column.
 * PNG or SVG, chosen by the file name.
 */
final class Heatmap {
    private static final int CELL = 40;
    private static final int FONT_SIZE = 14;
    private static final int LEGEND = 70;
    private static final float[] SCALE = {0f, 0.25f, 0.5f, 0.75f, 1f};
    static final String PALE_NOTE = "* pale row: most of its weight went to the end-of-sentence token";

    private Heatmap() {
    }

    static void write(Translation t, Path file) throws IOException {
        if (t.wordAlignment().length == 0) {
            throw new IllegalStateException("no alignment to draw (alignments are switched off)");
        }
        String name = file.getFileName().toString().toLowerCase();
        if (name.endsWith(".svg")) {
            Files.writeString(file, svg(t.sourceWords(), t.targetWords(), t.wordAlignment()), StandardCharsets.UTF_8);
        } else if (name.endsWith(".png")) {
            // Through a stream of our own: ImageIO given a file it cannot create prints a stack trace itself.
            try (OutputStream out = Files.newOutputStream(file)) {
                ImageIO.write(png(t.sourceWords(), t.targetWords(), t.wordAlignment()), "png", out);
            }
        } else {
            throw new IllegalArgumentException("heatmap file must end in .png or .svg: " + file);
        }
    }

    /** A row is pale when less than half of the word's weight went to source words. */
    static boolean isPale(float[] row) {
        float sum = 0;
        for (float w : row) {
            sum += w;
        }
        return sum < 0.5f;
    }

    private static String label(String word, float[] row) {
        return isPale(row) ? word + " *" : word;
    }

    private static int margin(List<String> words) {
        return 30 + FONT_SIZE * words.stream().mapToInt(String::length).max().orElse(1) * 2 / 3;
    }

    private static int width(List<String> source, List<String> target) {
        return Math.max(margin(target) + CELL * source.size() + 10, FONT_SIZE * PALE_NOTE.length() * 3 / 5);
    }

    private static Color shade(float weight) {
        float w = Math.max(0f, Math.min(1f, weight));
        int level = Math.round(255 * (1 - w));
        return new Color(level, level, 255 - Math.round(95 * w));
    }

    static BufferedImage png(List<String> source, List<String> target, float[][] weights) {
        int left = margin(target);
        int top = margin(source);
        int bottom = top + CELL * target.size();
        BufferedImage image = new BufferedImage(width(source, target), bottom + LEGEND, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, FONT_SIZE));
        FontMetrics metrics = g.getFontMetrics();
        for (int i = 0; i < target.size(); i++) {
            for (int j = 0; j < source.size(); j++) {
                g.setColor(shade(weights[i][j]));
                g.fillRect(left + j * CELL, top + i * CELL, CELL, CELL);
            }
            g.setColor(Color.BLACK);
            String word = label(target.get(i), weights[i]);
            g.drawString(word, left - 8 - metrics.stringWidth(word), top + i * CELL + CELL / 2 + FONT_SIZE / 3);
        }
        for (int j = 0; j < source.size(); j++) {
            Graphics2D rotated = (Graphics2D) g.create();
            rotated.translate(left + j * CELL + CELL / 2 + FONT_SIZE / 3, top - 8);
            rotated.rotate(-Math.PI / 2);
            rotated.drawString(source.get(j), 0, 0);
            rotated.dispose();
        }
        g.setColor(Color.GRAY);
        g.drawRect(left, top, CELL * source.size(), CELL * target.size());
        for (int k = 0; k < SCALE.length; k++) {
            g.setColor(shade(SCALE[k]));
            g.fillRect(10 + k * CELL, bottom + 12, CELL, 16);
            g.setColor(Color.BLACK);
            g.drawString(String.valueOf(SCALE[k]), 10 + k * CELL, bottom + 44);
        }
        g.drawRect(10, bottom + 12, CELL * SCALE.length, 16);
        g.drawString(PALE_NOTE, 10, bottom + 62);
        g.dispose();
        return image;
    }

    static String svg(List<String> source, List<String> target, float[][] weights) {
        int left = margin(target);
        int top = margin(source);
        int bottom = top + CELL * target.size();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"%d\">%n",
                width(source, target), bottom + LEGEND, FONT_SIZE));
        for (int i = 0; i < target.size(); i++) {
            for (int j = 0; j < source.size(); j++) {
                sb.append(rect(left + j * CELL, top + i * CELL, CELL, CELL, weights[i][j]));
            }
            sb.append(String.format("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    left - 8, top + i * CELL + CELL / 2 + FONT_SIZE / 3, escape(label(target.get(i), weights[i]))));
        }
        for (int j = 0; j < source.size(); j++) {
            int x = left + j * CELL + CELL / 2 + FONT_SIZE / 3;
            sb.append(String.format("<text x=\"%d\" y=\"%d\" transform=\"rotate(-90 %d %d)\">%s</text>%n",
                    x, top - 8, x, top - 8, escape(source.get(j))));
        }
        for (int k = 0; k < SCALE.length; k++) {
            sb.append(rect(10 + k * CELL, bottom + 12, CELL, 16, SCALE[k]));
            sb.append(String.format("<text x=\"%d\" y=\"%d\">%s</text>%n", 10 + k * CELL, bottom + 44, SCALE[k]));
        }
        sb.append(String.format("<text x=\"10\" y=\"%d\">%s</text>%n", bottom + 62, escape(PALE_NOTE)));
        return sb.append("</svg>\n").toString();
    }

    private static String rect(int x, int y, int w, int h, float weight) {
        Color c = shade(weight);
        return String.format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"rgb(%d,%d,%d)\"><title>%.3f</title></rect>%n",
                x, y, w, h, c.getRed(), c.getGreen(), c.getBlue(), weight);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
