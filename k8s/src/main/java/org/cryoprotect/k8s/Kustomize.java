package org.cryoprotect.k8s;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Renders a Kustomize directory with {@code kubectl kustomize}, exactly as {@code kubectl apply -k}
 * would see it. There is no Java implementation of Kustomize, so kubectl (1.27+, which bundles
 * kustomize v5) is required: from {@code $KUBECTL} or the PATH. Without it rendering fails loudly
 * rather than letting the manifests go unchecked.
 */
public final class Kustomize {

    private Kustomize() {
    }

    public static Path kubectl() {
        String configured = System.getenv("KUBECTL");
        if (configured != null && !configured.isBlank()) {
            if (!Files.isExecutable(Path.of(configured))) {
                throw new IllegalStateException("KUBECTL=" + configured + " is not an executable file");
            }
            return Path.of(configured);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("kubectl not found on the PATH (or in $KUBECTL): the Kubernetes "
                + "manifests cannot be rendered and checked. Install kubectl 1.27+ (.ci/run does).");
    }

    public static String render(Path kustomizationDir) throws IOException, InterruptedException {
        Path stderr = Files.createTempFile("kustomize", ".err");
        try {
            Process process = new ProcessBuilder(kubectl().toString(), "kustomize", kustomizationDir.toString())
                    .redirectError(stderr.toFile())
                    .start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("kubectl kustomize " + kustomizationDir + " did not finish in 2 minutes");
            }
            if (process.exitValue() != 0) {
                throw new IOException("kubectl kustomize " + kustomizationDir + " failed: " + Files.readString(stderr));
            }
            return out;
        } finally {
            Files.deleteIfExists(stderr);
        }
    }
}
