-- The rate limiter's window counts a request until one second after it has surely arrived upstream
-- (RateLimiter): set when it is answered, from its measured latency. The first requests of a
-- replica are no longer marked "cautious": every request's own latency now says how late it got there.
alter table importer.rate_limit_flights add column arrived_by timestamptz;
alter table importer.rate_limit_flights drop column cautious;
