package org.cryoprotect.simulator.http;

/** HTML error pages like the ones proxies and load balancers put in front of the real services. */
public final class ErrorPages {

    private ErrorPages() {
    }

    public static String reason(int status) {
        return switch (status) {
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Error";
        };
    }

    /** NCBI-style page (PubChem documents that a 503 may come as an HTML document). */
    public static String ncbi(int status) {
        String reason = reason(status);
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + status + " " + reason
                + "</title>\n</head>\n<body>\n<h1>" + reason + "</h1>\n"
                + "<p>The server is temporarily unable to service your request due to maintenance downtime or "
                + "capacity problems. Please try again later.</p>\n<hr>\n<address>NCBI / PubChem</address>\n"
                + "</body>\n</html>\n";
    }

    /** EMBL-EBI-style page, as ChEMBL users receive in production. */
    public static String ebi(int status) {
        String reason = reason(status);
        return "<!doctype HTML>\n<html>\n<head>\n<title>" + reason + " &lt; EMBL-EBI</title>\n</head>\n<body>\n"
                + "<h1>Server error</h1>\n<p>" + status + " " + reason + ". The server encountered an error and "
                + "could not complete your request.</p>\n</body>\n</html>\n";
    }
}
