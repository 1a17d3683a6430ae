using System.Globalization;
using System.Text.Json.Nodes;

namespace Guv.IntegrationTests.Web;

/// <summary>
/// The dashboard in a real browser while guv runs against the real RabbitMQ: the page is opened while the queue
/// is empty, a burst is published, and without reloading the chart and the decision log must show the scale-up.
/// </summary>
public sealed class DashboardBrowserTests
{
    [Fact]
    public async Task Dashboard_DuringABurst_ChartAndLogShowTheScaleUpWithoutReloading()
    {
        using var folder = new TestFolder();
        using var rabbit = new RabbitMqAdmin(TestServices.Broker, TestServices.Management);
        var queue = "guv-dashboard-test-" + Guid.NewGuid().ToString("N")[..8];
        await rabbit.DeclareAsync(queue);
        try
        {
            await using var guv = await GuvProcess.StartAsync(folder.Path, Config(queue, folder.Worker),
                arguments: ["--history-db", Path.Combine(folder.Path, "history.db")]);
            await guv.WaitForStateAsync(s => Role(s)?["last"]?["applied"]?.GetValue<int>() == 1,
                TimeSpan.FromSeconds(30), "the first tick at the minimum");

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await using var browser = await HeadlessChromium.StartAsync(TestServices.Chromium, timeout.Token);
            await browser.NavigateAsync(guv.Address, timeout.Token);
            await WaitInPageAsync(browser, $"!!document.querySelector('[data-role=\"{queue}\"] polyline[data-series=workers]')",
                "the role's chart", timeout.Token);

            await rabbit.PublishAsync(queue, 100);
            var peak = await WaitInPageAsync(browser,
                $"Number(document.querySelector('[data-role=\"{queue}\"] polyline[data-series=workers]').dataset.peak) >= 6"
                + $" && document.querySelector('#log tr[data-role=\"{queue}\"][data-reason=ScaleUp][data-to=\"6\"]') !== null"
                + $" && Number(document.querySelector('[data-role=\"{queue}\"] polygon[data-series=jobs]').dataset.peak) >= 100"
                + $" ? document.querySelector('[data-role=\"{queue}\"] polyline[data-series=workers]').dataset.peak : ''",
                "the scale-up in the chart and the log", timeout.Token);
            var row = await browser.EvaluateAsync(
                $"document.querySelector('#log tr[data-role=\"{queue}\"][data-reason=ScaleUp][data-to=\"6\"]').innerText",
                timeout.Token);
            var jobsPeak = await browser.EvaluateAsync(
                $"document.querySelector('[data-role=\"{queue}\"] polygon[data-series=jobs]').dataset.peak", timeout.Token);
            await browser.ScreenshotAsync(Path.Combine(Path.GetTempPath(), "guv-dashboard-test.png"), timeout.Token);

            Assert.Equal(6, int.Parse(peak!.GetValue<string>(), CultureInfo.InvariantCulture));
            Assert.Equal(100, int.Parse(jobsPeak!.GetValue<string>(), CultureInfo.InvariantCulture));
            Assert.Contains("1 → 6 workers", row!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Matches(@"\d+ jobs x 10 s over 38.37 s available = \d+ workers, capped at max 6", row.GetValue<string>());
            Assert.Contains("scaled", guv.Output, StringComparison.Ordinal);
        }
        finally
        {
            await rabbit.DeleteAsync(queue);
        }
    }

    private static string Config(string queue, string worker) => $"""
        '*': {"{"}pollinterval: 1, platform: local, stop_timeout: 2, broker: '{TestServices.Broker}'{Management()}{"}"}
        {queue}: {"{"}processing: 10, deadline: 60, min: 1, max: 6, command: '{worker}'{"}"}
        """;

    private static string Management() => TestServices.Management is { } url ? $", management: '{url}'" : "";

    private static JsonNode? Role(JsonNode state) =>
        state["roles"]?.AsArray().FirstOrDefault();

    private static async Task<JsonNode?> WaitInPageAsync(
        HeadlessChromium browser,
        string expression,
        string what,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var value = await browser.EvaluateAsync(expression, cancellationToken);
                if (value is not null && value.ToJsonString() is not ("false" or "\"\""))
                {
                    return value;
                }

                await Task.Delay(250, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                var page = await browser.EvaluateAsync("document.body.innerText", CancellationToken.None);
                throw new TimeoutException($"the page did not show {what}; it reads:\n{page}");
            }
        }
    }
}
