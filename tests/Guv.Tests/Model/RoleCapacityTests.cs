using Guv.Configuration;
using Guv.Model;

namespace Guv.Tests.Model;

public sealed class RoleCapacityTests
{
    private static RoleOptions Role(string yaml) => new ConfigLoader(_ => null).Load(yaml, "t").Roles[0];

    [Theory]
    // Defaults: processing 10 s, one job at a time: 6 jobs a minute per worker.
    [InlineData("w: {}", 1, 6)]
    [InlineData("w: {}", 5, 30)]
    [InlineData("w: {p: 2, concurrency: 4}", 4, 480)]
    [InlineData("w: {p: 120}", 2, 1)]
    public void JobsPerMinute_IsWorkersTimesConcurrencyOverProcessing(string yaml, int workers, double expected)
    {
        Assert.Equal(expected, RoleCapacity.JobsPerMinute(Role(yaml), workers), 6);
    }

    [Theory]
    // Defaults: 38.37 s available per worker, 10 s per job: 3 jobs per worker, 5 workers: 19.
    [InlineData("w: {}", 19)]
    [InlineData("w: {max: 20}", 76)]
    [InlineData("w: {concurrency: 3}", 57)]
    [InlineData("w: {max: 0, min: 0}", 0)]
    // A deadline that cannot be met leaves one job per worker slot.
    [InlineData("w: {p: 50, max: 4}", 4)]
    public void LargestBacklog_IsTheMostJobsMaxWorkersClear(string yaml, long expected)
    {
        var role = Role(yaml);

        var backlog = RoleCapacity.LargestBacklog(role);

        Assert.Equal(expected, backlog);
        Assert.True(ClassicModel.Estimate(role, (int)backlog + 1).Raw > role.Maximum, "one more job needs more workers");
    }

    [Fact]
    public void LargestBacklog_HugeTarget_DoesNotOverflow()
    {
        var role = Role("w: {p: 0.001, target: 100000, max: 1000}");

        var backlog = RoleCapacity.LargestBacklog(role);

        Assert.InRange(backlog, 1, int.MaxValue);
    }
}
