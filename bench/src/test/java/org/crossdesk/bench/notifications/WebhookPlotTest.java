package org.crossdesk.bench.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The result files are written whole, also with a series that has no figures (NaN). */
class WebhookPlotTest {

    @Test
    void writesJsonPictureAndPage(@TempDir Path dir) throws Exception {
        WebhookPlot.write(
                dir,
                "webhook-test",
                Map.of("ratio", 0.11),
                "a <table> & more",
                List.of(new WebhookPlot.Bar("webhooks", 405), new WebhookPlot.Bar("plain HTTP", 3741)),
                1870.5,
                "goal: 0.5x plain",
                List.of(
                        new WebhookPlot.Series("webhooks", new double[] {114.7, 367.1, 638.0, 794.6, 823.8}),
                        new WebhookPlot.Series("none", new double[] {Double.NaN, 1, Double.NaN, 2, 3})));

        assertThat(Files.readString(dir.resolve("webhook-test.json"))).contains("\"ratio\" : 0.11");
        assertThat(Files.readString(dir.resolve("webhook-test.html")))
                .contains("a &lt;table&gt; &amp; more")
                .contains("<img src=\"webhook-test.png\"");
        BufferedImage png = ImageIO.read(dir.resolve("webhook-test.png").toFile());
        assertThat(png.getWidth()).isEqualTo(1000);
    }
}
