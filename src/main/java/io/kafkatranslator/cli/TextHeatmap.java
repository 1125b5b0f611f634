package io.kafkatranslator.cli;

import java.util.List;

/**
 * A word alignment drawn with shade characters, for terminals: target words down, source words
 * across, a colour scale under it. A row marked * is pale because most of that word's weight went
 * to the end-of-sentence token, which has no column.
 */
final class TextHeatmap {
    private static final char[] SHADES = {' ', '░', '▒', '▓', '█'};

    private TextHeatmap() {
    }

    static String render(List<String> source, List<String> target, float[][] weights) {
        int left = target.stream().mapToInt(String::length).max().orElse(0) + 4;
        StringBuilder sb = new StringBuilder();
        sb.append(" ".repeat(left));
        for (String s : source) {
            sb.append(s).append("  ");
        }
        sb.append('\n');
        boolean anyPale = false;
        for (int i = 0; i < target.size(); i++) {
            boolean pale = Heatmap.isPale(weights[i]);
            anyPale |= pale;
            String label = target.get(i) + (pale ? " *" : "");
            sb.append(label).append(" ".repeat(left - label.length()));
            for (int j = 0; j < source.size(); j++) {
                float w = weights[i][j];
                char shade = SHADES[Math.min(SHADES.length - 1, Math.round(w * (SHADES.length - 1)))];
                int width = source.get(j).length();
                String cell = String.valueOf(shade).repeat(Math.max(1, Math.min(width, 3)));
                sb.append(cell).append(" ".repeat(Math.max(0, width - cell.length()) + 2));
            }
            sb.append('\n');
        }
        sb.append("scale: ' ' 0  ░ 0.25  ▒ 0.5  ▓ 0.75  █ 1 (share of the target word's alignment weight)\n");
        if (anyPale) {
            sb.append(Heatmap.PALE_NOTE).append('\n');
        }
        return sb.toString();
    }
}
