/**
 * A TLS identity for the emulator's intercepting proxy, so that unmodified clients reach it
 * under the real host names. Generated once for this project (EC P-256, valid to 2046); the
 * CA's private key was thrown away, so no other certificate can be made with it.
 *
 * The leaf key below is public. Trust this CA only inside a test process (for example with
 * `NODE_EXTRA_CA_CERTS`), never in a system or browser store: whoever trusts it can be shown a
 * fake googleads.googleapis.com by anyone who has read this file.
 */

/** The CA certificate clients must trust (PEM). */
export const EMULATOR_CA_PEM = `-----BEGIN CERTIFICATE-----
MIIB6DCCAY+gAwIBAgIUflNqlfQScU93Uq30UNyhycLdgpgwCgYIKoZIzj0EAwIw
QjFAMD4GA1UEAww3YWRzLWVycm9ycyBlbXVsYXRvciB0ZXN0IENBIChuZXZlciB0
cnVzdCBvdXRzaWRlIHRlc3RzKTAeFw0yNjExMjMxMzU5MzhaFw00NjExMTgxMzU5
MzhaMEIxQDA+BgNVBAMMN2Fkcy1lcnJvcnMgZW11bGF0b3IgdGVzdCBDQSAobmV2
ZXIgdHJ1c3Qgb3V0c2lkZSB0ZXN0cykwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNC
AATiExIaP1UdInKztn8PwvZrprVisTDJ79xQEuaBXwvxia58cY2Y36s8U70sakQX
X2lNXV2XlgJVE0s3oHFSgZGho2MwYTAdBgNVHQ4EFgQUpPdJKEQA4rYXX8JsknHx
nxYbaGwwHwYDVR0jBBgwFoAUpPdJKEQA4rYXX8JsknHxnxYbaGwwDwYDVR0TAQH/
BAUwAwEB/zAOBgNVHQ8BAf8EBAMCAQYwCgYIKoZIzj0EAwIDRwAwRAIgFhZiLEQC
TWT2+bB8Ids32zCvBrcstFNxiuUCr1QkTuoCIHIOt6gjUPZEE6Hp1JAAHXnunt+t
c4NchY/hP5dd72RS
-----END CERTIFICATE-----
`;

/** Leaf certificate for googleads.googleapis.com, oauth2.googleapis.com, www.googleapis.com, localhost, 127.0.0.1, ::1. */
export const EMULATOR_LEAF_CERT_PEM = `-----BEGIN CERTIFICATE-----
MIICTjCCAfSgAwIBAgIUPGezMCtwxsKgjMHOBzMWbOKHxDMwCgYIKoZIzj0EAwIw
QjFAMD4GA1UEAww3YWRzLWVycm9ycyBlbXVsYXRvciB0ZXN0IENBIChuZXZlciB0
cnVzdCBvdXRzaWRlIHRlc3RzKTAeFw0yNjExMjMxMzU5MzhaFw00NjExMTgxMzU5
MzhaMCMxITAfBgNVBAMMGGdvb2dsZWFkcy5nb29nbGVhcGlzLmNvbTBZMBMGByqG
SM49AgEGCCqGSM49AwEHA0IABFOpxjjKmqRF8KCW/6M0ZhVLC5Pm+TcwuNyzyrx9
tl/oip93wdlEde82pdUvNHIxqu2gxFWJUY4/D1ZejT+s0/WjgeYwgeMwcQYDVR0R
BGowaIIYZ29vZ2xlYWRzLmdvb2dsZWFwaXMuY29tghVvYXV0aDIuZ29vZ2xlYXBp
cy5jb22CEnd3dy5nb29nbGVhcGlzLmNvbYIJbG9jYWxob3N0hwR/AAABhxAAAAAA
AAAAAAAAAAAAAAABMAkGA1UdEwQCMAAwDgYDVR0PAQH/BAQDAgeAMBMGA1UdJQQM
MAoGCCsGAQUFBwMBMB0GA1UdDgQWBBSMneXFUCG1jqTGIRreYUd5VmKpRDAfBgNV
HSMEGDAWgBSk90koRADithdfwmyScfGfFhtobDAKBggqhkjOPQQDAgNIADBFAiBu
ah9LwBOIoO8cRtr9LPoonyAKA8Tu8M0OUnInmjm7mgIhALChwC8sAULvH8n5kSL6
VpNrW/geXzGfU+4GVKTpypj8
-----END CERTIFICATE-----
`;

/** The leaf's private key (public knowledge: see above). */
export const EMULATOR_LEAF_KEY_PEM = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgywT9T8IJM25JLkrp
DYfaP755jmcNNTM8TbRJ5iI86o2hRANCAARTqcY4ypqkRfCglv+jNGYVSwuT5vk3
MLjcs8q8fbZf6Iqfd8HZRHXvNqXVLzRyMartoMRViVGOPw9WXo0/rNP1
-----END PRIVATE KEY-----
`;

/** Host names the proxy answers for itself; every other CONNECT is refused, so nothing leaves the machine. */
export const INTERCEPTED_HOSTS: ReadonlySet<string> = new Set(['googleads.googleapis.com', 'oauth2.googleapis.com', 'www.googleapis.com', 'localhost', '127.0.0.1']);
