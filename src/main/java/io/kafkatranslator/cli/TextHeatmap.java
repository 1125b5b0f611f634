package io.kafkatranslator.cli;

import java.util.List;

/** A word alignment drawn with shade characters, for terminals: target words down, source words across. */
final class TextHeatmap {
    private static final char[] SHADES = {' ', '░', '▒', '▓', '█'};

    private TextHeatmap() {
    }

    static String render(List<String> source, List<String> target, List<List<Float>> weights) {
        int left = target.stream().mapToInt(String::length).max().orElse(0) + 2;
        StringBuilder sb = new StringBuilder();
        sb.append(" ".repeat(left));
        for (String s : source) {
            sb.append(s).append("  ");
        }
        sb.append('\n');
        for (int i = 0; i < target.size(); i++) {
            sb.append(target.get(i)).append(" ".repeat(left - target.get(i).length()));
            for (int j = 0; j < source.size(); j++) {
                float w = weights.get(i).get(j);
                char shade = SHADES[Math.min(SHADES.length - 1, Math.round(w * (SHADES.length - 1)))];
                int width = source.get(j).length();
                String cell = String.valueOf(shade).repeat(Math.max(1, Math.min(width, 3)));
                sb.append(cell).append(" ".repeat(width - cell.length() + 2));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
