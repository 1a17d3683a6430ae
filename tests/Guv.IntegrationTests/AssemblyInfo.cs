// guv runs its workers with POSIX signals; its tests run where guv runs.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
