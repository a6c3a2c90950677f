package io.policyengine.examples.access;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --tls-cert FILE --tls-key FILE}: a server's certificate chain and private key, both PEM as
 * certificate authorities and {@code openssl} write them, made into the JDK's {@link SSLContext} (which
 * any of the JDK's, Jetty's or Netty's servers take). Every problem is one line naming the option.
 */
public final class TlsFiles {
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");
    private static final char[] NO_PASSWORD = new char[0];

    private TlsFiles() {
    }

    /** @throws IllegalArgumentException one line naming {@code --tls-cert} or {@code --tls-key} */
    public static SSLContext context(Path certFile, Path keyFile) {
        List<X509Certificate> chain = certificates(certFile);
        PrivateKey key = privateKey(keyFile);
        if (!belongTogether(key, chain.get(0))) {
            throw new IllegalArgumentException("--tls-key: " + keyFile + " is not the key of the certificate in " + certFile);
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, NO_PASSWORD, chain.toArray(Certificate[]::new));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, NO_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("--tls-cert: cannot serve with " + certFile + " and " + keyFile + ": " + e.getMessage());
        }
    }

    private static List<X509Certificate> certificates(Path file) {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Block block : blocks(file, "--tls-cert")) {
                if (!block.type().equals("CERTIFICATE")) continue;
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException("--tls-cert: " + file + " holds a certificate that cannot be read: " + e.getMessage());
        }
        if (chain.isEmpty()) throw new IllegalArgumentException("--tls-cert: " + file + " holds no -----BEGIN CERTIFICATE----- block");
        return chain;
    }

    private static PrivateKey privateKey(Path file) {
        for (Block block : blocks(file, "--tls-key")) {
            switch (block.type()) {
                case "PRIVATE KEY" -> {
                    for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
                        try {
                            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(block.der()));
                        } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
                            // not this algorithm's key: try the next
                        }
                    }
                    throw new IllegalArgumentException("--tls-key: " + file + " holds a private key that is not RSA, EC or Ed25519");
                }
                case "RSA PRIVATE KEY", "EC PRIVATE KEY" -> throw new IllegalArgumentException("--tls-key: " + file + " holds an "
                        + block.type() + " in the older format; convert it with: openssl pkcs8 -topk8 -nocrypt -in "
                        + file + " -out key.pem");
                case "ENCRYPTED PRIVATE KEY" -> throw new IllegalArgumentException("--tls-key: " + file
                        + " is encrypted; decrypt it with: openssl pkcs8 -in " + file + " -out key.pem (and keep that file unreadable to others)");
                default -> {
                    // EC PARAMETERS and other blocks beside the key
                }
            }
        }
        throw new IllegalArgumentException("--tls-key: " + file + " holds no -----BEGIN PRIVATE KEY----- block");
    }

    /** Whether the key signs what the certificate's public key verifies: a key and certificate of different pairs fail every handshake. */
    private static boolean belongTogether(PrivateKey key, X509Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm();
        };
        try {
            byte[] probe = "policy-engine".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private record Block(String type, byte[] der) {
    }

    private static List<Block> blocks(Path file, String option) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + ": " + file + " cannot be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            try {
                blocks.add(new Block(matcher.group(1), Base64.getMimeDecoder().decode(matcher.group(2))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + ": " + file + ": a " + matcher.group(1) + " block that is not base64");
            }
        }
        if (blocks.isEmpty()) throw new IllegalArgumentException(option + ": " + file + " is not PEM (no -----BEGIN ...----- block)");
        return blocks;
    }
}
