package org.aula.certification.web;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.aula.certification.CertificationProperties;
import org.aula.certification.domain.DonorReport;
import org.aula.certification.domain.ReportQuery;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The donor report on one A4 page: the headline figures, a chart of completion by institution
 * (JFreeChart, drawn at twice the printed resolution) and a table per institution. Liberation Sans
 * (shipped with PDFBox) for the text and the chart alike, so it looks the same on any server.
 */
@Component
class DonorReportPdf {

    static final String MEDIA_TYPE = "application/pdf";
    /** More institutions than fit the chart and table: the rest are summed up in a note (the CSV has them all). */
    static final int MAX_INSTITUTIONS = 12;

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final Color INK = new Color(33, 37, 41);
    private static final Color MUTED = new Color(100, 106, 115);
    private static final Color ACCENT = new Color(31, 92, 153);
    private static final Color COMPLETED = new Color(31, 92, 153);
    private static final Color NOT_COMPLETED = new Color(205, 210, 217);
    private static final Color RULE = new Color(222, 226, 230);
    private static final float MARGIN = 50;

    private final String issuerName;
    private final Clock clock;

    DonorReportPdf(CertificationProperties properties, Clock clock) {
        this.issuerName = properties.issuerName();
        this.clock = clock;
    }

    /** Renders a report broken down by institution. */
    byte[] render(DonorReport report) {
        if (!report.query().breakdown().equals(List.of(ReportQuery.Dimension.INSTITUTION))) {
            throw new IllegalArgumentException("the PDF summary is broken down by institution");
        }
        try (PDDocument document = new PDDocument()) {
            PDFont font = load(document, FONT);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDDocumentInformation information = document.getDocumentInformation();
            information.setTitle("Donor report: completion and certificates");
            information.setAuthor(issuerName);
            float width = PDRectangle.A4.getWidth();
            float height = PDRectangle.A4.getHeight();
            List<DonorReport.Line> institutions = report.lines().stream().limit(MAX_INSTITUTIONS).toList();
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                Writer write = new Writer(content, font);
                content.setNonStrokingColor(ACCENT);
                content.addRect(0, height - 8, width, 8);
                content.fill();
                write.text(issuerName.toUpperCase(Locale.ROOT) + "  \u00b7  DONOR REPORT", true, 9, MARGIN, height - 42, ACCENT);
                write.text("Training results: completion and certificates", true, 20, MARGIN, height - 68, INK);
                write.text(scope(report.query().filter()), false, 10.5f, MARGIN, height - 88, MUTED);

                DonorReport.Figures totals = report.totals();
                float boxTop = height - 112;
                headline(write, content, MARGIN, boxTop, "Officials trained", count(totals.officialsTrained()),
                        "of " + count(totals.participants()) + " who took part");
                headline(write, content, MARGIN + 170, boxTop, "Completion rate", rate(totals.completionRate()),
                        count(totals.completions()) + " of " + count(totals.decisions()) + " completions");
                headline(write, content, MARGIN + 340, boxTop, "Person-hours", hours(totals.personHours()),
                        "of attendance");
                float secondRow = boxTop - 70;
                headline(write, content, MARGIN, secondRow, "Certificates", count(totals.certificates()),
                        totals.certificatesRevoked() == 0 ? "standing, none revoked" : count(totals.certificatesRevoked()) + " revoked");
                headline(write, content, MARGIN + 170, secondRow, "Diplomas", totals.diplomas() == null ? "n/a" : count(totals.diplomas()),
                        "programme diplomas awarded");
                headline(write, content, MARGIN + 340, secondRow, "Institutions", count(report.lines().size()),
                        "nominating officials");

                float chartTop = secondRow - 82;
                write.text("Completion by institution", true, 13, MARGIN, chartTop, INK);
                float chartWidth = width - 2 * MARGIN;
                // The table and the footer below the chart take what they need; the chart fits in the rest.
                float tableHeight = 17 * institutions.size() + 24;
                float chartHeight = Math.min(70 + 40 * institutions.size(), chartTop - 10 - 28 - tableHeight - 95);
                PDImageXObject chart = LosslessFactory.createFromImage(document,
                        chart(institutions, Math.round(chartWidth * 2), Math.round(chartHeight * 2)));
                content.drawImage(chart, MARGIN, chartTop - 10 - chartHeight, chartWidth, chartHeight);

                float tableTop = chartTop - 10 - chartHeight - 28;
                table(write, content, institutions, totals, tableTop, width);
                if (report.lines().size() > institutions.size()) {
                    write.text("and " + (report.lines().size() - institutions.size())
                            + " more institutions: see the CSV export for every line.", false, 9, MARGIN, 72, MUTED);
                }
                write.text("Figures only: no personal data. Officials trained counts each person who completed at least one course once;",
                        false, 8, MARGIN, 56, MUTED);
                write.text("periods are those the course ends in. Generated on " + DAY.format(LocalDate.now(clock)) + " by "
                        + issuerName + " (GET /reports/completions for the same figures as JSON or CSV).", false, 8, MARGIN, 45, MUTED);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the donor report", e);
        }
    }

    private static void headline(Writer write, PDPageContentStream content, float x, float top, String label, String value,
            String note) throws IOException {
        content.setNonStrokingColor(new Color(244, 246, 249));
        content.addRect(x, top - 58, 155, 58);
        content.fill();
        content.setNonStrokingColor(ACCENT);
        content.addRect(x, top - 58, 3, 58);
        content.fill();
        write.text(label, false, 9, x + 12, top - 15, MUTED);
        write.text(value, true, 19, x + 12, top - 37, INK);
        write.text(note, false, 8, x + 12, top - 50, MUTED);
    }

    private static void table(Writer write, PDPageContentStream content, List<DonorReport.Line> institutions,
            DonorReport.Figures totals, float top, float width) throws IOException {
        String[] header = {"Institution", "Trained", "Decided", "Completed", "Rate", "Certificates", "Person-hours"};
        float[] right = {0, 235, 290, 355, 405, 475, 545};
        float y = top;
        for (int i = 0; i < header.length; i++) {
            cell(write, header[i], true, i == 0 ? MARGIN : right[i], y, i > 0, MUTED);
        }
        rule(content, y - 6, width, RULE);
        for (DonorReport.Line line : institutions) {
            y -= 17;
            row(write, line.key().get(0) == null ? "(none)" : line.key().get(0), line.figures(), false, right, y);
        }
        rule(content, y - 6, width, MUTED);
        y -= 18;
        row(write, "Total", totals, true, right, y);
    }

    private static void row(Writer write, String name, DonorReport.Figures figures, boolean bold, float[] right, float y)
            throws IOException {
        String[] cells = {name, count(figures.officialsTrained()), count(figures.decisions()), count(figures.completions()),
                rate(figures.completionRate()), count(figures.certificates()), hours(figures.personHours())};
        for (int i = 0; i < cells.length; i++) {
            cell(write, cells[i], bold, i == 0 ? MARGIN : right[i], y, i > 0, INK);
        }
    }

    private static void cell(Writer write, String text, boolean bold, float x, float y, boolean alignRight, Color colour)
            throws IOException {
        float size = 9.5f;
        float at = alignRight ? x - write.width(text, size) : x;
        write.text(text, bold, size, at, y, colour);
    }

    private static void rule(PDPageContentStream content, float y, float width, Color colour) throws IOException {
        content.setStrokingColor(colour);
        content.setLineWidth(0.6f);
        content.moveTo(MARGIN, y);
        content.lineTo(width - MARGIN, y);
        content.stroke();
    }

    /** Horizontal stacked bars per institution: completed, then not completed, labelled with the counts. */
    private static BufferedImage chart(List<DonorReport.Line> institutions, int width, int height) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (DonorReport.Line line : institutions) {
            String institution = line.key().get(0) == null ? "(none)" : line.key().get(0);
            String label = institution + "  " + rate(line.figures().completionRate());
            data.addValue(line.figures().completions(), "Completed", label);
            data.addValue(line.figures().notCompleted(), "Not completed", label);
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(null, null, "Officials decided", data, PlotOrientation.HORIZONTAL,
                true, false, false);
        Font font = chartFont();
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(RULE);
        plot.setRangeGridlineStroke(new BasicStroke(2f));
        CategoryAxis categories = plot.getDomainAxis();
        categories.setTickLabelFont(font.deriveFont(Font.PLAIN, institutions.size() > 8 ? 18f : 22f));
        categories.setTickLabelPaint(INK);
        categories.setAxisLineVisible(false);
        categories.setTickMarksVisible(false);
        categories.setCategoryMargin(0.25);
        NumberAxis counts = (NumberAxis) plot.getRangeAxis();
        counts.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        counts.setTickLabelFont(font.deriveFont(Font.PLAIN, 20f));
        counts.setLabelFont(font.deriveFont(Font.PLAIN, 20f));
        counts.setLabelPaint(MUTED);
        counts.setTickLabelPaint(MUTED);
        counts.setAxisLineVisible(false);
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setMaximumBarWidth(0.12);
        bars.setSeriesPaint(0, COMPLETED);
        bars.setSeriesPaint(1, NOT_COMPLETED);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(CategoryDataset dataset, int row, int column) {
                Number value = dataset.getValue(row, column);
                return value == null || value.intValue() == 0 ? null : super.generateLabel(dataset, row, column);
            }
        });
        bars.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER));
        bars.setDefaultItemLabelFont(font.deriveFont(Font.BOLD, 19f));
        bars.setSeriesItemLabelPaint(0, Color.WHITE);
        bars.setSeriesItemLabelPaint(1, INK);
        bars.setDefaultItemLabelsVisible(true);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(font.deriveFont(Font.PLAIN, 20f));
        legend.setPosition(RectangleEdge.BOTTOM);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            chart.draw(graphics, new java.awt.geom.Rectangle2D.Double(0, 0, width, height));
        } finally {
            graphics.dispose();
        }
        return image;
    }

    /** Liberation Sans for the chart too, so it needs no font installed on the server. */
    private static Font chartFont() throws IOException {
        try (InputStream file = DonorReportPdf.class.getResourceAsStream(FONT)) {
            if (file == null) {
                throw new IllegalStateException("PDFBox's Liberation Sans font is not on the classpath");
            }
            return Font.createFont(Font.TRUETYPE_FONT, file);
        } catch (FontFormatException e) {
            throw new IllegalStateException("PDFBox's Liberation Sans font cannot be read", e);
        }
    }

    private static PDFont load(PDDocument document, String resource) throws IOException {
        try (InputStream file = DonorReportPdf.class.getResourceAsStream(resource)) {
            if (file == null) {
                throw new IllegalStateException("font " + resource + " is not on the classpath");
            }
            return PDType0Font.load(document, file);
        }
    }

    /** What the page covers: the filters, then the period of the course dates. */
    private static String scope(ReportQuery.Filter filter) {
        List<String> parts = new ArrayList<>();
        if (filter.programme() != null) {
            parts.add("Programme " + filter.programme());
        }
        if (filter.course() != null) {
            parts.add("Course " + filter.course());
        }
        if (filter.cohort() != null) {
            parts.add("Cohort " + filter.cohort());
        }
        if (parts.isEmpty()) {
            parts.add("All programmes and courses");
        }
        if (filter.from() != null && filter.to() != null) {
            parts.add("courses ending " + DAY.format(filter.from()) + " to " + DAY.format(filter.to()));
        } else if (filter.from() != null) {
            parts.add("courses ending from " + DAY.format(filter.from()));
        } else if (filter.to() != null) {
            parts.add("courses ending up to " + DAY.format(filter.to()));
        } else {
            parts.add("all course dates");
        }
        return String.join("  \u00b7  ", parts);
    }

    static String count(long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }

    static String rate(@Nullable Double rate) {
        return rate == null ? "n/a" : String.format(Locale.ENGLISH, "%.1f %%", rate * 100);
    }

    static String hours(BigDecimal hours) {
        BigDecimal rounded = hours.setScale(hours.stripTrailingZeros().scale() > 0 ? 1 : 0, RoundingMode.HALF_UP);
        return String.format(Locale.ENGLISH, "%,." + rounded.scale() + "f", rounded);
    }

    /**
     * Writes text in the page's font; bold is the same font filled and stroked (PDFBox ships only
     * the regular face). Characters the font cannot draw print as '?'.
     */
    private record Writer(PDPageContentStream content, PDFont font) {

        void text(String text, boolean bold, float size, float x, float y, Color colour) throws IOException {
            content.beginText();
            content.setNonStrokingColor(colour);
            content.setStrokingColor(colour);
            content.setRenderingMode(bold ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
            content.setLineWidth(size * 0.025f);
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(printable(text));
            content.endText();
        }

        float width(String text, float size) throws IOException {
            return font.getStringWidth(printable(text)) / 1000 * size;
        }

        String printable(String text) {
            return PdfText.printable(font, text);
        }
    }
}
