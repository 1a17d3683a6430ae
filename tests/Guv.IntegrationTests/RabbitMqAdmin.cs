using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Guv.Queues;

namespace Guv.IntegrationTests;

/// <summary>Declares, fills and deletes test queues through the broker's management HTTP API.</summary>
internal sealed class RabbitMqAdmin : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly BrokerAddress _broker;

    public RabbitMqAdmin(string broker, string? management)
    {
        _broker = BrokerAddress.Parse(broker, management);
        _http.BaseAddress = _broker.Management;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_broker.User}:{_broker.Password}")));
    }

    private string VirtualHost => Uri.EscapeDataString(_broker.VirtualHost);

    public async Task DeclareAsync(string queue)
    {
        using var response = await _http.PutAsJsonAsync($"api/queues/{VirtualHost}/{Uri.EscapeDataString(queue)}",
            new { durable = false, auto_delete = false });
        response.EnsureSuccessStatusCode();
    }

    public async Task PublishAsync(string queue, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var response = await _http.PostAsJsonAsync($"api/exchanges/{VirtualHost}/amq.default/publish", new
            {
                properties = new { },
                routing_key = queue,
                payload = "{\"seconds\": 60}",
                payload_encoding = "string",
            });
            response.EnsureSuccessStatusCode();
        }
    }

    public async Task DeleteAsync(string queue)
    {
        using var response = await _http.DeleteAsync($"api/queues/{VirtualHost}/{Uri.EscapeDataString(queue)}");
    }

    /// <summary>Creates a user with every permission on the test vhost.</summary>
    public async Task CreateUserAsync(string user, string password)
    {
        using var created = await _http.PutAsJsonAsync($"api/users/{Uri.EscapeDataString(user)}",
            new { password, tags = "monitoring" });
        created.EnsureSuccessStatusCode();
        using var allowed = await _http.PutAsJsonAsync($"api/permissions/{VirtualHost}/{Uri.EscapeDataString(user)}",
            new { configure = ".*", write = ".*", read = ".*" });
        allowed.EnsureSuccessStatusCode();
    }

    public async Task DeleteUserAsync(string user)
    {
        using var response = await _http.DeleteAsync($"api/users/{Uri.EscapeDataString(user)}");
    }

    public void Dispose() => _http.Dispose();
}
