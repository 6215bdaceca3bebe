/**
 * A self-signed certificate for the fake Axonius (`npm run fake-axonius -- --https`) and the
 * TLS tests: it names localhost, axonius.test, 127.0.0.1 and ::1 and is valid until 2126.
 * Nothing trusts it unless told to, which is the point: against it Latchkey reports a TLS
 * failure. The private key is public by design; it protects nothing.
 */
export const FAKE_AXONIUS_TLS_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgcwfBMUcbg4JseTe5
6sOl2/zVR7TIJybBAoomPp9DbLehRANCAARB5mj1RWoX2gRa3cl21a62Wnb6ALka
mqEe/BwSB8XcIZKEzc+k6yRo3l7oyZY9lvpnR5eAyZgyEI50V4HNmlbA
-----END PRIVATE KEY-----
`;

export const FAKE_AXONIUS_TLS_CERT = `-----BEGIN CERTIFICATE-----
MIICBDCCAaqgAwIBAgIULc2Bo8MDPlAbqhzBGE4SKd0s28kwCgYIKoZIzj0EAwIw
OTE3MDUGA1UEAwwuTGF0Y2hrZXkgZmFrZSBBeG9uaXVzIChzZWxmLXNpZ25lZCwg
Zm9yIHRlc3RzKTAgFw0yNjEyMDExMTQ5MTJaGA8yMTI2MTEwNzExNDkxMlowOTE3
MDUGA1UEAwwuTGF0Y2hrZXkgZmFrZSBBeG9uaXVzIChzZWxmLXNpZ25lZCwgZm9y
IHRlc3RzKTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABEHmaPVFahfaBFrdyXbV
rrZadvoAuRqaoR78HBIHxdwhkoTNz6TrJGjeXujJlj2W+mdHl4DJmDIQjnRXgc2a
VsCjgY0wgYowHQYDVR0OBBYEFJtS7QEzC5eVJ+oKEfNzQD6qdGpVMB8GA1UdIwQY
MBaAFJtS7QEzC5eVJ+oKEfNzQD6qdGpVMDoGA1UdEQQzMDGCCWxvY2FsaG9zdIIM
YXhvbml1cy50ZXN0hwR/AAABhxAAAAAAAAAAAAAAAAAAAAABMAwGA1UdEwEB/wQC
MAAwCgYIKoZIzj0EAwIDSAAwRQIgQme/cd5Uw/Xq0OBzK0ddfeokPFGSICJNxxx0
o5ucDjICIQDPKUQApSxsE9yBtdgOrRnGH4hWBlJaAtIImNZ9GDa+PQ==
-----END CERTIFICATE-----
`;
