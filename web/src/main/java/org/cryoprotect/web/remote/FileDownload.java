package org.cryoprotect.web.remote;

import java.util.Map;

import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.buffer.Buffer;

/** A file streamed from a service: its status, the headers worth passing on, and the body as it arrives. */
public record FileDownload(int status, Map<String, String> headers, Multi<Buffer> body) {
}
