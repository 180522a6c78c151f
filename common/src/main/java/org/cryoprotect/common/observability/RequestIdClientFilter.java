package org.cryoprotect.common.observability;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/**
 * For REST clients: sends the current request's id on as {@code X-Request-Id}, so one id follows a
 * request across services. Register it on a client with
 * {@code @RegisterProvider(RequestIdClientFilter.class)}.
 */
public class RequestIdClientFilter implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        String id = RequestIds.current();
        if (id != null && !request.getHeaders().containsKey(RequestIds.HEADER)) {
            request.getHeaders().putSingle(RequestIds.HEADER, id);
        }
    }
}
