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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The word-level attention matrix as a heatmap: source words across the top, target words down
 * the side, darker for more attention. PNG or SVG, chosen by the file name.
 */
final class Heatmap {
    private static final int CELL = 40;
    private static final int FONT_SIZE = 14;

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
            ImageIO.write(png(t.sourceWords(), t.targetWords(), t.wordAlignment()), "png", file.toFile());
        } else {
            throw new IllegalArgumentException("heatmap file must end in .png or .svg: " + file);
        }
    }

    private static int margin(List<String> words) {
        return 20 + FONT_SIZE * words.stream().mapToInt(String::length).max().orElse(1) * 2 / 3;
    }

    private static Color shade(float weight) {
        float w = Math.max(0f, Math.min(1f, weight));
        int level = Math.round(255 * (1 - w));
        return new Color(level, level, 255 - Math.round(95 * w));
    }

    static BufferedImage png(List<String> source, List<String> target, float[][] weights) {
        int left = margin(target);
        int top = margin(source);
        BufferedImage image = new BufferedImage(left + CELL * source.size() + 10, top + CELL * target.size() + 10,
                BufferedImage.TYPE_INT_RGB);
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
            String word = target.get(i);
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
        g.dispose();
        return image;
    }

    static String svg(List<String> source, List<String> target, float[][] weights) {
        int left = margin(target);
        int top = margin(source);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"%d\">%n",
                left + CELL * source.size() + 10, top + CELL * target.size() + 10, FONT_SIZE));
        for (int i = 0; i < target.size(); i++) {
            for (int j = 0; j < source.size(); j++) {
                Color c = shade(weights[i][j]);
                sb.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"rgb(%d,%d,%d)\"><title>%.3f</title></rect>%n",
                        left + j * CELL, top + i * CELL, CELL, CELL, c.getRed(), c.getGreen(), c.getBlue(), weights[i][j]));
            }
            sb.append(String.format("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    left - 8, top + i * CELL + CELL / 2 + FONT_SIZE / 3, escape(target.get(i))));
        }
        for (int j = 0; j < source.size(); j++) {
            int x = left + j * CELL + CELL / 2 + FONT_SIZE / 3;
            sb.append(String.format("<text x=\"%d\" y=\"%d\" transform=\"rotate(-90 %d %d)\">%s</text>%n",
                    x, top - 8, x, top - 8, escape(source.get(j))));
        }
        return sb.append("</svg>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
