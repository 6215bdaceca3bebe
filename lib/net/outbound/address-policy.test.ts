import { describe, expect, it } from "vitest";
import { refusedAddress } from "./address-policy";

describe("refusedAddress", () => {
  it.each([
    "93.184.216.34",
    "8.8.8.8",
    "1.1.1.1",
    "172.32.0.1",
    "100.128.0.1",
    "2606:4700:4700::1111",
    "2a00:1450:4001::200e",
    // Embedded forms that carry a public IPv4 address are that address.
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
    "2002:808:808::1",
  ])("calls public unicast %s", (address) => {
    expect(refusedAddress(address)).toBeNull();
  });

  it.each([
    ["127.0.0.1", "a loopback address (127.0.0.1)"],
    ["127.255.255.254", "a loopback address (127.255.255.254)"],
    ["10.1.2.3", "a private address (10.1.2.3)"],
    ["172.31.255.255", "a private address (172.31.255.255)"],
    ["192.168.10.1", "a private address (192.168.10.1)"],
    ["169.254.169.254", "a link-local address (169.254.169.254, where cloud metadata services answer)"],
    ["169.254.1.1", "a link-local address (169.254.1.1)"],
    ["100.64.0.1", "a shared (carrier-grade NAT) address (100.64.0.1)"],
    ["100.127.255.255", "a shared (carrier-grade NAT) address (100.127.255.255)"],
    ["0.0.0.0", "an unspecified address (0.0.0.0)"],
    ["0.1.2.3", "an unspecified address (0.1.2.3)"],
    ["224.0.0.251", "a multicast address (224.0.0.251)"],
    ["255.255.255.255", "a broadcast address (255.255.255.255)"],
    ["240.0.0.1", "a special-purpose address (240.0.0.1)"],
    ["192.0.2.1", "a special-purpose address (192.0.2.1)"],
    ["198.18.0.1", "a special-purpose address (198.18.0.1)"],
    ["::1", "a loopback address (::1)"],
    ["::", "an unspecified address (::)"],
    ["fe80::1", "a link-local address (fe80::1)"],
    ["fc00::1", "a private address (fc00::1)"],
    ["fd00:ec2::254", "a private address (fd00:ec2::254, where cloud metadata services answer)"],
    ["fec0::1", "a site-local address (fec0::1)"],
    ["ff02::1", "a multicast address (ff02::1)"],
    ["2001:db8::1", "a special-purpose address (2001:db8::1)"],
    ["2001::1", "a Teredo tunnel address (2001::1)"],
    ["100::1", "a special-purpose address (100::1)"],
    ["4000::1", "a special-purpose address (4000::1)"],
    ["::7f00:1", "a deprecated IPv4-compatible address (::7f00:1)"],
    ["::ffff:127.0.0.1", "a loopback address (127.0.0.1, written as ::ffff:7f00:1)"],
    [
      "::ffff:a9fe:a9fe",
      "a link-local address (169.254.169.254, where cloud metadata services answer, written as ::ffff:a9fe:a9fe)",
    ],
    ["::ffff:0:a00:1", "a private address (10.0.0.1, written as ::ffff:0:a00:1)"],
    ["64:ff9b::7f00:1", "a loopback address (127.0.0.1, written as 64:ff9b::7f00:1)"],
    ["2002:c0a8:101::", "a private address (192.168.1.1, written as 2002:c0a8:101::)"],
    ["not-an-address", "not a valid IP address"],
  ])("refuses %s as %s", (address, description) => {
    expect(refusedAddress(address)?.description).toBe(description);
  });
});
