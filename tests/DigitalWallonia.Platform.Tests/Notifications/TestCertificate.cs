using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DigitalWallonia.Platform.Tests.Notifications;

/// <summary>
/// A self-signed certificate for 127.0.0.1 made for one test, written as PEM files for aiosmtpd. <see cref="Check"/>
/// trusts this certificate and no other (SmtpOptions.ServerCertificateCheck, which only tests can set).
/// </summary>
internal sealed class TestCertificate : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dw-cert-").FullName;
    private readonly string _thumbprint;

    public TestCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        _thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        CertificateFile = Path.Combine(_folder, "cert.pem");
        KeyFile = Path.Combine(_folder, "key.pem");
        File.WriteAllText(CertificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(KeyFile, key.ExportPkcs8PrivateKeyPem());
    }

    public string CertificateFile { get; }

    public string KeyFile { get; }

    public RemoteCertificateValidationCallback Check => (_, presented, _, _) =>
        presented is not null && presented.GetCertHashString(HashAlgorithmName.SHA256) == _thumbprint;

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
