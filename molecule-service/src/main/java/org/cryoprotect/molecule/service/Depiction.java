package org.cryoprotect.molecule.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * A molecule's SVG with what HTTP caching needs. The drawing depends only on the SMILES (and how we
 * draw), so the entity tag is a digest of those: a revalidation that matches costs one indexed read
 * and no CDK work. {@code svg} is null when the client's copy is current (304).
 */
public record Depiction(String etag, boolean isPublic, String svg) {

    /** Bump when the drawing settings change, so cached copies are replaced. */
    static final String STYLE = "cdk-2.12/atom-colors/300x220";

    static String etagOf(String smiles) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((STYLE + "\n" + smiles).getBytes(StandardCharsets.UTF_8));
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 9110 If-None-Match: "*" or a list of tags, compared weakly. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    public boolean notModified() {
        return svg == null;
    }
}
