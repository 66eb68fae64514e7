package org.aula.console.web;

import java.util.ArrayList;
import java.util.List;

import org.aula.console.services.CertificationApi.Figures;

/**
 * A cohort's completions by institution as a horizontal stacked bar chart, drawn on the server as
 * SVG: completed (solid) and not completed (hatched) side by side, with the numbers written on each
 * bar so that nothing is told by colour alone.
 */
record CompletionChart(int width, int height, List<Bar> bars) {

    /** One institution's bar: geometry in SVG user units, and its figures for the labels. */
    record Bar(String institution, int y, int completedWidth, int notCompletedWidth, int completed, int notCompleted,
            long percent) {
    }

    static final int LABEL_WIDTH = 130;
    static final int BAR_AREA = 360;
    static final int ROW = 34;
    /** Room right of the longest bar for "6 completed, 1 not (86%)" in either language. */
    static final int LEGEND_WIDTH = 260;

    static CompletionChart of(List<Figures> byInstitution) {
        int most = byInstitution.stream().mapToInt(Figures::decided).max().orElse(1);
        List<Bar> bars = new ArrayList<>();
        int y = 10;
        for (Figures figures : byInstitution) {
            int completed = scale(figures.completed(), most);
            int notCompleted = scale(figures.notCompleted(), most);
            bars.add(new Bar(figures.institution() == null ? "" : figures.institution(), y, completed, notCompleted,
                    figures.completed(), figures.notCompleted(), figures.completionPercent()));
            y += ROW;
        }
        return new CompletionChart(LABEL_WIDTH + BAR_AREA + LEGEND_WIDTH, y + 10, List.copyOf(bars));
    }

    private static int scale(int count, int most) {
        return most == 0 ? 0 : Math.round((float) BAR_AREA * count / most);
    }
}
