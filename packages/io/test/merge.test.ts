import { describe, expect, it } from "vitest";
import { Network } from "@tiegraph/core";
import { emptyImport, importLinkedInConnections, importPeopleCsv, importVCard, mergeInto, normaliseEmail, normaliseName, normaliseOrganisationName, normaliseUrl, type ImportedNetwork } from "@tiegraph/io";
import { fixture } from "./fixtures.js";

function peopleImport(people: ImportedNetwork["people"], generatedIds = true): ImportedNetwork {
  const imp = emptyImport("vcard", "test.vcf", generatedIds);
  imp.people = people;
  imp.origins.people = people.map((_, i) => ({ file: "test.vcf", line: i + 1 }));
  return imp;
}

describe("mergeInto", () => {
  it("matches LinkedIn and vCard people with the people CSV by e-mail, URL and name", async () => {
    const net = new Network();
    mergeInto(net, await importPeopleCsv(fixture("people.csv")));
    const linkedin = mergeInto(net, await importLinkedInConnections(fixture("Connections.csv"), { ego: "me" }));
    expect(linkedin.ego).toBe("me");
    expect(linkedin.merged.map((m) => [m.incoming, m.into, m.by])).toEqual([
      ["ann-lee-4b1a2c", "ann", "name"],
      ["brunocosta", "bruno", "email"],
      ["chidi-okafor-99", "chidi", "name"],
      ["zoe-o-neill", "zoe", "name"],
    ]);
    expect(linkedin.added).toEqual(["dana-smith-1", "dana-smith-2", "wei-li-8a"]);
    // merged people gain what they lacked (the profile URL), keep what they had (their name)
    expect(net.person("ann").url).toBe("https://www.linkedin.com/in/ann-lee-4b1a2c");
    expect(net.person("zoe").name).toBe("Zoë O'Neill");
    // the connection is re-pointed at the known person
    expect(net.exchangesBetween("me", "ann").map((i) => net.exchangeAt(i).kind)).toEqual(["connection"]);

    const vcard = mergeInto(net, await importVCard(fixture("contacts.vcf")));
    expect(vcard.merged.map((m) => [m.incoming, m.into, m.by])).toEqual([
      ["dr-ann-lee", "ann", "email"],
      ["bruno-costa", "bruno", "email"],
      ["chidi-okafor", "chidi", "url"],
    ]);
    expect(vcard.added).toEqual(["yuki-nakamura"]);
    expect(net.person("bruno").emails).toEqual(["bruno.costa@example.org", "b.costa@globex.example", "bruno.c@example.net"]);
    expect(net.person("ann").notes).toContain("Lisbon summit");
  });

  it("keeps ambiguous people apart and says why", () => {
    const net = Network.from({
      people: [
        { id: "d1", name: "Dana Smith" },
        { id: "d2", name: "Dana Smith" },
        { id: "x", name: "Xia Wu", emails: ["xia@example.com"] },
        { id: "y", name: "Yan Wu", url: "https://linkedin.com/in/yanwu" },
        { id: "p", name: "Pat Kim", url: "https://www.linkedin.com/in/pat-kim-1/" },
      ],
    });
    const report = mergeInto(
      net,
      peopleImport([
        { id: "dana", name: "Dana  SMITH" },
        { id: "wu", name: "X. Wu", emails: ["XIA@example.com"], url: "http://uk.linkedin.com/in/yanwu?trk=abc" },
        { id: "pat", name: "Pat Kim", url: "https://www.linkedin.com/in/pat-kim-2" },
        { id: "new", name: "Noor Haddad" },
      ]),
    );
    expect(report.ambiguous.map((a) => [a.incoming, a.candidates, a.reason, a.addedAs])).toEqual([
      ["dana", ["d1", "d2"], 'several people are named "Dana  SMITH"', "dana"],
      ["wu", ["x", "y"], "its e-mail addresses or profile URL belong to different people", "wu"],
      ["pat", ["p"], "same name, different profile URL", "pat"],
    ]);
    expect(report.added).toEqual(["dana", "wu", "pat", "new"]);
    expect(report.merged).toEqual([]);
    expect(net.personCount).toBe(9);
  });

  it("gives made-up ids that collide a suffix, and never merges people of the same import", () => {
    const net = Network.from({ people: [{ id: "ann-lee", name: "Someone Else", emails: ["else@example.com"] }] });
    const report = mergeInto(net, peopleImport([{ id: "ann-lee", name: "Ann Lee" }, { id: "ann-lee-2", name: "Ann Lee" }]));
    // "ann-lee" is taken, so the first becomes "ann-lee-2", which the second (proposed as "ann-lee-2") then finds taken
    expect(report.added).toEqual(["ann-lee-2", "ann-lee-2-2"]);
    expect(report.merged).toEqual([]);
  });

  it("matches by id when the ids were written by the user", () => {
    const net = Network.from({ people: [{ id: "ann", name: "Ann Lee", tags: ["mentor"] }] });
    const report = mergeInto(net, peopleImport([{ id: "ann", name: "A. Lee", tags: ["investor", "mentor"], attributes: { office: "Paris" } }], false));
    expect(report.merged.map((m) => m.by)).toEqual(["id"]);
    expect(net.person("ann")).toEqual({ id: "ann", name: "Ann Lee", tags: ["mentor", "investor"], attributes: { office: "Paris" } });
  });

  it("skips an affiliation repeated in one import, for a person it adds and for one the network has", () => {
    const net = Network.from({ people: [{ id: "ann", name: "Ann Lee" }], organisations: [{ id: "acme", name: "Acme" }] });
    const imp = peopleImport([{ id: "bo", name: "Bo Chen" }], false);
    imp.organisations = [{ id: "acme", name: "Acme" }];
    imp.origins.organisations = [{ file: "test.vcf", line: 1 }];
    // ann (known) at Acme twice, the second from 2020 on (covered by the first, open-ended); bo (added) at Acme twice alike
    imp.affiliations = [
      { person: "ann", organisation: "acme" },
      { person: "bo", organisation: "acme" },
      { person: "ann", organisation: "acme", from: "2020-01-01" },
      { person: "bo", organisation: "acme", from: "2020-01-01" },
      // a later start than an earlier span's end is not covered: kept
      { person: "ann", organisation: "acme", from: "2019-01-01", to: "2019-06-30" },
    ];
    imp.origins.affiliations = imp.affiliations.map((_, i) => ({ file: "test.vcf", line: i + 2 }));
    const report = mergeInto(net, imp);
    // 5 in: ann's second and bo's second are covered by their first (2 skipped); ann's 2019 span is covered too (the first is open at both ends)
    expect(report.duplicates.affiliations).toBe(3);
    expect(net.affiliationsOf("ann").map((a) => a.from ?? "open")).toEqual(["open"]);
    expect(net.affiliationsOf("bo").map((a) => a.from ?? "open")).toEqual(["open"]);
  });

  it("sends a repeated incoming id's records where its last person went", () => {
    const net = Network.from({ people: [{ id: "x", name: "Xia Wu", emails: ["xia@example.com"] }] });
    // the first "a" is Xia by e-mail (a → x); the second "a" matches nobody and is added as "a" (a → a)
    const imp = peopleImport([{ id: "a", name: "X. Wu", emails: ["xia@example.com"] }, { id: "a", name: "Ali Demir" }], false);
    imp.organisations = [{ id: "acme", name: "Acme" }];
    imp.origins.organisations = [{ file: "test.vcf", line: 1 }];
    imp.affiliations = [{ person: "a", organisation: "acme" }];
    imp.origins.affiliations = [{ file: "test.vcf", line: 2 }];
    const report = mergeInto(net, imp);
    expect(report.merged.map((m) => [m.incoming, m.into])).toEqual([["a", "x"]]);
    expect(report.added).toEqual(["a"]);
    // the later mapping wins, as it would in one table of every incoming id
    expect(net.affiliationsOf("a").map((f) => f.organisation)).toEqual(["acme"]);
    expect(net.affiliationsOf("x")).toEqual([]);
  });

  it("lists the network's people before those the merge adds among the candidates, an ego indexed before any lookup included", () => {
    // the network's people are indexed by key only when first needed; the import's ego is indexed before any
    // person is looked up, and must still come after the network's Sam Lee
    const net = new Network();
    net.addPerson({ id: "s1", name: "Sam Lee" });
    const withEgo = peopleImport([]);
    withEgo.ego = { id: "me", name: "Sam Lee" };
    const report = mergeInto(net, [withEgo, peopleImport([{ id: "sam-lee", name: "Sam Lee" }])]);
    expect(report.ego).toBe("me");
    expect(report.ambiguous.map((a) => [a.incoming, a.candidates])).toEqual([["sam-lee", ["s1", "me"]]]);
  });

  it("normalises the matching keys", () => {
    expect(normaliseEmail(" MAILTO:Ann.Lee@Example.COM ")).toBe("ann.lee@example.com");
    expect(normaliseEmail("not an address")).toBe("");
    expect(normaliseUrl("https://uk.linkedin.com/in/Ann-Lee/?trk=x#top")).toBe("linkedin.com/in/ann-lee");
    expect(normaliseName("Lee,  Dr. Ánn")).toBe("ann lee");
    expect(normaliseName("Zoë O'Neill")).toBe("zoe o neill");
    expect(normaliseOrganisationName("Initech, Ltd.")).toBe("initech");
  });
});
