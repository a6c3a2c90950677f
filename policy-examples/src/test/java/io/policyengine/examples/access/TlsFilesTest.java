package io.policyengine.examples.access;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --tls-cert} and {@code --tls-key}: PEM files as openssl and the certificate authorities write them. */
class TlsFilesTest {
    @TempDir
    Path temp;

    @Test
    @DisplayName("an RSA and an EC certificate with their keys make a TLS context")
    void goodPairs() throws Exception {
        for (String algorithm : new String[] {"RSA", "EC"}) {
            TestCertificate made = TestCertificate.make(temp, algorithm);
            assertThat(TlsFiles.context(made.cert(), made.key()).getProtocol()).isEqualTo("TLS");
        }
    }

    @Test
    @DisplayName("a key of another pair, a key in the older PKCS#1 form, a file that is not PEM: one line naming the option")
    void badFiles() throws Exception {
        TestCertificate rsa = TestCertificate.make(temp, "RSA");
        TestCertificate ec = TestCertificate.make(temp, "EC");
        Path pkcs1 = Files.writeString(temp.resolve("old.key"), TestCertificate.pem("RSA PRIVATE KEY", new byte[] {1, 2, 3}));
        Path notPem = Files.writeString(temp.resolve("cert.der"), "not a certificate");

        assertThatThrownBy(() -> TlsFiles.context(rsa.cert(), ec.key()))
                .hasMessage("--tls-key: " + ec.key() + " is not the key of the certificate in " + rsa.cert());
        assertThatThrownBy(() -> TlsFiles.context(rsa.cert(), pkcs1)).hasMessage("--tls-key: " + pkcs1
                + " holds an RSA PRIVATE KEY in the older format; convert it with: openssl pkcs8 -topk8 -nocrypt -in " + pkcs1 + " -out key.pem");
        assertThatThrownBy(() -> TlsFiles.context(notPem, rsa.key())).hasMessage("--tls-cert: " + notPem + " is not PEM (no -----BEGIN ...----- block)");
        assertThatThrownBy(() -> TlsFiles.context(rsa.key(), rsa.key()))
                .hasMessage("--tls-cert: " + rsa.key() + " holds no -----BEGIN CERTIFICATE----- block");
    }
}
