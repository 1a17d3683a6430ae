using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Guv.Queues;

/// <summary>
/// Reads queue statistics from the RabbitMQ management HTTP API: one <c>GET /api/queues/{vhost}</c> per vhost and
/// tick (more only when the vhost has more queues than one page holds), with a <c>columns</c> filter.
/// </summary>
public sealed class RabbitMqManagementSource(HttpClient http) : IQueueSource
{
    /// <summary>Queues per page; the management API allows at most 500.</summary>
    public const int PageSize = 500;

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<QueueRef, QueueReading>> ReadAsync(
        IReadOnlyCollection<QueueRef> queues,
        CancellationToken cancellationToken)
    {
        var groups = queues.Distinct().GroupBy(q => q.Group).ToList();
        var readings = await Task.WhenAll(groups.Select(g => ReadGroupAsync(g.ToList(), cancellationToken)));
        return readings.SelectMany(r => r).ToDictionary(r => r.Key, r => r.Value);
    }

    private async Task<Dictionary<QueueRef, QueueReading>> ReadGroupAsync(
        List<QueueRef> queues,
        CancellationToken cancellationToken)
    {
        var broker = queues[0].Broker;
        Dictionary<string, QueueReading> listing;
        try
        {
            listing = await ListAsync(broker, cancellationToken);
        }
        catch (ManagementReadException e)
        {
            var failed = QueueReading.Failed(e.Error, e.Message);
            return queues.ToDictionary(q => q, _ => failed);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The tick's budget ran out for this vhost only: its queues fail, the groups that answered keep theirs.
            var failed = QueueReading.Failed(QueueReadError.Unreachable,
                $"the management API at {broker.Management} did not answer within the tick's time budget");
            return queues.ToDictionary(q => q, _ => failed);
        }

        return queues.ToDictionary(q => q, q => listing.TryGetValue(q.Name, out var reading)
            ? reading
            : QueueReading.Failed(QueueReadError.NotFound,
                $"no queue '{q.Name}' in vhost '{broker.VirtualHost}' (not declared yet, or deleted)"));
    }

    private async Task<Dictionary<string, QueueReading>> ListAsync(BrokerAddress broker, CancellationToken cancellationToken)
    {
        var all = new Dictionary<string, QueueReading>(StringComparer.Ordinal);
        var pageCount = 1;
        for (var page = 1; page <= pageCount; page++)
        {
            var parsed = await ReadPageAsync(broker, page, cancellationToken);
            foreach (var (name, reading) in parsed.Queues)
            {
                all[name] = reading;
            }

            pageCount = parsed.PageCount;
        }

        return all;
    }

    private async Task<ManagementResponseParser.Page> ReadPageAsync(
        BrokerAddress broker,
        int page,
        CancellationToken cancellationToken)
    {
        var vhost = Uri.EscapeDataString(broker.VirtualHost);
        var url = new Uri(broker.Management,
            $"api/queues/{vhost}?page={page}&page_size={PageSize}&columns={ManagementResponseParser.Columns}");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{broker.User}:{broker.Password}")));

        string body;
        HttpStatusCode status;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            status = response.StatusCode;
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var why = e is TaskCanceledException ? "no answer in time" : Security.TlsFailure.Message(e, broker.Management);
            throw new ManagementReadException(QueueReadError.Unreachable,
                $"cannot reach the management API at {broker.Management}: {why}");
        }

        if (status != HttpStatusCode.OK)
        {
            var hint = status switch
            {
                HttpStatusCode.Unauthorized => " (check the user and password in the broker URL)",
                HttpStatusCode.NotFound => $" (is the vhost '{broker.VirtualHost}' right?)",
                _ => "",
            };
            throw new ManagementReadException(QueueReadError.HttpError,
                $"the management API at {broker.Management} answered {(int)status} {status}{hint}");
        }

        try
        {
            return ManagementResponseParser.Parse(body);
        }
        catch (FormatException e)
        {
            throw new ManagementReadException(QueueReadError.BadResponse,
                $"the management API at {broker.Management} gave an unusable answer: {e.Message}");
        }
    }

    private sealed class ManagementReadException(QueueReadError error, string message) : Exception(message)
    {
        public QueueReadError Error { get; } = error;
    }
}
