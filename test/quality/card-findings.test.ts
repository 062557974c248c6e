import { describe, expect, it } from 'vitest';
import { cardFindings } from '../../src/quality/card-findings.js';
import type { QualityCard } from '../../src/quality/finding.js';

const basic = (front: string, back: string, context: string | null = null, headingPath: string[] = []): QualityCard => ({ kind: 'basic', front, back, context, headingPath });

/** A cloze card as the parser stores it: `text` with the gap written `[like this]`, one gap. */
function cloze(text: string, context: string | null = null): QualityCard {
  const m = /\[([^\]]+)\]/.exec(text)!;
  return { kind: 'cloze', front: text.replace(m[0], '**[...]**'), back: text.replace(m[0], `**${m[1]}**`), context };
}

/** The rules a card breaks, by id. */
const rules = (card: QualityCard) => cardFindings(card).map((f) => f.rule);

describe('cardFindings: label fronts', () => {
  it('reports vague labels, whatever the answer', () => {
    const back = 'Besides garbage collection, a process can pause when its virtual machine is suspended.';
    expect(cardFindings(basic('Other Reasons', back, null, ['Process Pauses']))).toEqual([
      {
        rule: 'label-front',
        message: 'the front "Other Reasons" is a vague label: it names nothing a learner could look up',
        fix: 'Ask a question about "Process Pauses" that the answer answers, or drop the card',
      },
    ]);
    expect(rules(basic('Realistic Approach', 'Reality is more complex than the optimistic view.'))).toEqual(['label-front']);
    expect(rules(basic('Future Discussion', 'Later algorithms give these guarantees.'))).toEqual(['label-front']);
  });

  it('reports a piece of a text as a label', () => {
    expect(cardFindings(basic('Part 1 (1/2)', 'A node can pause for a long time.'))).toEqual([
      { rule: 'label-front', message: 'the front "Part 1 (1/2)" names a piece of a text, not a question', fix: 'Ask a question the answer answers, or drop the card' },
    ]);
  });

  it('reports a topic and says the question it stands for', () => {
    expect(cardFindings(basic('Advantages of UDP', 'UDP does not retransmit lost packets, so delays vary less.'))).toEqual([
      { rule: 'label-front', message: 'the front "Advantages of UDP" is a topic, not a question', fix: 'Ask the question it stands for: "What are the advantages of UDP?"' },
    ]);
  });

  it('reports a term whose answer says several things, and suggests a question', () => {
    const back =
      'Before we start to talk about fencing tokens, recall leases. A token is a number that grows with every lock granted. The storage service rejects a write carrying an older token.';
    expect(cardFindings(basic('Fencing tokens', back))).toEqual([
      {
        rule: 'label-front',
        message: 'the front "Fencing tokens" is a label and the answer says several things about it',
        fix: 'Ask one question the answer answers, and split the rest into cards of their own',
      },
    ]);
    expect(cardFindings(basic('Network Faults', 'Network faults happen often, even in datacenters. Causes include human error and misconfigured switches. A fault can last minutes.'))[0]!.fix).toBe(
      'Ask one question the answer answers, e.g. "What are network faults?", and split the rest into cards of their own',
    );
  });

  it('leaves term -> definition cards alone', () => {
    expect(rules(basic('Quorum', 'a set of nodes large enough that any two such sets overlap; with n nodes, any majority of more than n/2 will do.'))).toEqual([]);
    expect(rules(basic('Epoch number', 'the count of leader elections so far; a message from an older epoch is ignored.'))).toEqual([]);
    expect(rules(basic('Single quotes', 'Keep every character literally: no `$` expansion, no escapes.'))).toEqual([]);
    expect(rules(basic('`~`', "the current user's home directory"))).toEqual([]);
  });

  it('leaves questions, instructions and prompts alone', () => {
    expect(rules(basic('Swap two variables', '`a, b = b, a`'))).toEqual([]);
    expect(rules(basic('List files including hidden ones, one per line', '`ls -1a`'))).toEqual([]);
    expect(rules(basic('Define a fencing token', 'A number that grows every time a lock is granted.'))).toEqual([]);
    expect(rules(basic('Name three reasons a process can pause', '- GC\n- a suspended VM\n- paging'))).toEqual([]);
    expect(rules(basic('The three timing models:', '- synchronous\n- partially synchronous\n- asynchronous'))).toEqual([]);
  });

  it('reports a claim as a front', () => {
    expect(cardFindings(basic('Clocks drift.', 'Quartz runs faster or slower than it should.'))).toEqual([
      { rule: 'not-a-question', message: 'the front "Clocks drift." states something instead of asking', fix: 'Ask for what the answer adds, as a question: "Why …?", "What happens when …?"' },
    ]);
    expect(rules(basic('The network is unreliable', 'Packets can be lost, delayed or duplicated.'))).toEqual(['not-a-question']);
    expect(rules(basic('Last Write Wins (LWW)', 'Keep the write with the latest timestamp; drop the others.'))).toEqual([]);
  });
});

describe('cardFindings: answers', () => {
  it('reports a long answer of several sentences', () => {
    const back =
      'Paging allows the operating system to swap entire pages of virtual memory to and from disk. This helps manage limited physical RAM by letting processes use more than there is. During a page fault the operating system pauses the thread to load the data from disk into memory, and under pressure pages are swapped out again.';
    expect(cardFindings(basic('What is paging and how does it affect thread execution?', back))).toEqual([
      { rule: 'multi-fact-answer', message: 'the answer is 3 sentences (322 characters): several facts to recall at once', fix: 'Keep the one fact the question asks for; move the others to cards of their own' },
    ]);
  });

  it('reports a list the front does not name, not one it does', () => {
    const list = '- mitigated\n- restarted periodically\n- A variant';
    expect(cardFindings(basic('What happens to GC pauses?', list))).toEqual([
      { rule: 'multi-fact-answer', message: 'the answer is a list of 3 items the question does not ask for', fix: 'Name the set on the front ("What are the 3 …?"), or split the items into cards of their own' },
    ]);
    expect(rules(basic('What are three reasons a process can pause?', list))).toEqual([]);
  });

  it('does not count code or examples as facts', () => {
    const back = 'Using time-of-day clocks to order events can get the order wrong when clocks drift.\n\nExample:\nClient B writes after client A but its timestamp is earlier. The write of A wins. The write of B is silently dropped, with no error reported to anyone.\n```java\nlong t = System.currentTimeMillis();\n```';
    expect(rules(basic('Why is it risky to use time-of-day clocks for ordering events?', back))).toEqual([]);
  });

  it('reports an answer that restates the front', () => {
    expect(cardFindings(basic('Differences between Supercomputers and Cloud Systems', '- Supercomputers\n- Cloud Systems'))).toEqual([
      {
        rule: 'label-front',
        message: 'the front "Differences between Supercomputers and Cloud Systems" is a topic, not a question',
        fix: 'Ask the question it stands for: "What are the differences between supercomputers and cloud systems?"',
      },
      { rule: 'answer-restates-front', message: 'the answer only repeats the words of the front', fix: 'Write what the learner should recall about it on the back, or drop the card' },
    ]);
  });
});

describe('cardFindings: clozes', () => {
  it('reports stress words and phrases', () => {
    expect(cardFindings(cloze('If you send a request to another node and don’t receive a response, it is [impossible] to tell why.'))).toEqual([
      { rule: 'stress-cloze', message: 'hides "impossible", a word that stresses the claim rather than making it', fix: 'Hide the term or the claim the sentence teaches, not the stress word' },
    ]);
    expect(rules(cloze('The chapter is a [thoroughly pessimistic] and depressing overview of things that may go wrong.'))).toEqual(['stress-cloze']);
    expect(rules(cloze('Those reasons for pausing can be eliminated if you [try hard enough].', 'In many languages threads may pause.'))).toEqual(['stress-cloze']);
    expect(rules(cloze('The internet shares network bandwidth [dynamically].'))).toEqual(['stress-cloze']);
  });

  it('reports a gap that hides filler', () => {
    expect(cardFindings(cloze('[A variant] of this idea is to use the garbage collector only for short-lived objects.'))).toEqual([
      { rule: 'stress-cloze', message: 'hides "A variant", which matters to nothing the sentence teaches', fix: 'Hide the term the sentence is about, or drop the card' },
    ]);
  });

  it('leaves gaps on terms, names, numbers and classifying adjectives alone', () => {
    expect(rules(cloze('Let’s assume the lock service also returns a [fencing token], a number that increases every time a lock is granted.'))).toEqual([]);
    expect(rules(cloze('Google’s Spanner uses the [TrueTime] API to report the confidence interval of the local clock.'))).toEqual([]);
    expect(rules(cloze('Round-trip times of up to [several minutes] have been observed across cloud regions.'))).toEqual([]);
    expect(rules(cloze('When the hardware works, the same operation always produces the same result (it is [deterministic]).'))).toEqual([]);
    expect(rules(cloze('The quartz clock in a computer is not very accurate: it [drifts] (runs faster or slower than it should).'))).toEqual([]);
    expect(rules(cloze('Part of the problem is that incorrect clocks [easily go unnoticed].'))).toEqual([]);
  });

  it('reports a gap on one of several names', () => {
    expect(cardFindings(cloze('A node that is slow but alive is called a [limping node], gray failure, or fail-slow.'))).toEqual([
      { rule: 'alias-cloze', message: 'hides "limping node", one of several names the sentence gives for one thing', fix: 'Hide the concept the names share, or ask "What are the names for …?" in one card' },
    ]);
    const marked = { kind: 'cloze', front: 'A cut-off part of the network is called a *network partition* or **[...]**.', back: 'A cut-off part of the network is called a *network partition* or **netsplit**.', context: null } as const;
    expect(rules(marked)).toEqual(['alias-cloze']);
    const bracketed = { kind: 'cloze', front: 'The OS may allow **[...]** (*paging*).', back: 'The OS may allow **swapping to disk** (*paging*).', context: null } as const;
    expect(rules(bracketed)).toEqual(['alias-cloze']);
  });

  it('leaves lists of different things alone', () => {
    const both = { kind: 'cloze', front: 'Computers have two kinds of clocks: a *time-of-day clock* and a **[...]**.', back: 'Computers have two kinds of clocks: a *time-of-day clock* and a **monotonic clock**.', context: null } as const;
    expect(rules(both)).toEqual([]);
    expect(rules(cloze('Many runtimes have a [garbage collector] (GC) that occasionally stops all threads.'))).toEqual([]);
  });

  it('reports a gap whose text stands elsewhere on the front', () => {
    expect(cardFindings(cloze('Many algorithms rely on a [quorum]: a quorum is a vote among the nodes.'))).toEqual([
      { rule: 'answer-restates-front', message: 'the hidden "quorum" stands elsewhere on the front', fix: 'Hide it where it first appears, or reword the sentence so the front does not give it away' },
    ]);
  });
});

describe('cardFindings: context and the document', () => {
  it('reports an opening that points back, when no context gives the referent', () => {
    expect(cardFindings(cloze('This is known as a [partial failure].'))).toEqual([
      { rule: 'unresolved-reference', message: 'starts with "This" but nothing on the card says what it refers to', fix: 'Name what "This" stands for in the question, or add the sentence before as context' },
    ]);
    expect(rules(cloze('By contrast, the internet shares network [bandwidth] with whoever sends.'))).toEqual(['unresolved-reference']);
    expect(rules(cloze('Such behavior is known as a [Byzantine fault].'))).toEqual(['unresolved-reference']);
    expect(rules(cloze('This is known as a [partial failure].', 'Some parts of the system are broken while others work fine.'))).toEqual([]);
    expect(rules(cloze('So-called [logical clocks] are based on incrementing counters.'))).toEqual([]);
  });

  it('reports cards about the document', () => {
    expect(cardFindings(cloze('We will discuss this problem of [consensus] in Chapter 10.'))).toEqual([
      { rule: 'about-the-document', message: 'refers to the document ("Chapter 10"), not the subject', fix: 'Ask about the idea itself, or drop the card: the reference means nothing in review' },
    ]);
    expect(cardFindings(cloze('The term [real-time] on the web describes servers pushing data to clients (see [Link to Come]).'))).toEqual([
      { rule: 'about-the-document', message: 'refers to the document ("[Link to Come]"), not the subject', fix: 'Drop "[Link to Come]" from the card' },
    ]);
    expect(rules(basic('What does Figure 9-1 show about clocks?', 'That the two clocks disagree.'))).toEqual(['about-the-document']);
    expect(rules(basic('What did we discuss in this chapter about clocks?', 'Drift.'))).toEqual(['about-the-document']);
    expect(rules(basic('What does the previous section say about timeouts?', 'They are hard to choose.'))).toEqual(['about-the-document']);
    expect(rules(basic('As mentioned earlier, what do leases need?', 'Renewal.'))).toEqual(['about-the-document']);
    expect(rules(cloze('In the example just given, uniqueness is a safety property, but [availability] is a liveness property.'))).toEqual(['about-the-document']);
    expect(rules(basic('What does the previous example show about fencing?', 'Tokens order writes.'))).toEqual(['about-the-document']);
    expect(rules(basic('What is an example of a liveness property?', 'Availability.'))).toEqual([]);
    expect(rules(basic('Which algorithm does Raft use for elections?[^3]', 'Randomised timeouts.'))).toEqual(['about-the-document']);
  });

  it('leaves asides and code alone', () => {
    expect(rules(cloze('Sharding is sometimes also called [partitioning] (see Chapter 7).'))).toEqual([]);
    expect(rules(basic('How do you sort `[10, 9, 1]` in ascending numeric order?', '`[10, 9, 1].sort((a, b) => a - b)`'))).toEqual([]);
  });
});

describe('cardFindings: hand-written cards of a careful writer (seed 000)', () => {
  const context = 'Background context explaining why relying on time-of-day clocks to order events can be dangerous.';
  it.each([
    [
      'Why is it important to design software to handle incorrect clocks?',
      'It is crucial because even though clocks work well most of the time, they can drift due to various issues such as misconfigured NTP or defective hardware. Robust software must be prepared to deal with these situations without causing significant damage.',
    ],
    [
      'Why is monitoring clock offsets important?',
      'Monitoring clock offsets ensures that any node with an incorrectly synchronized clock is detected before it causes significant damage, such as silent data loss. This helps maintain the integrity of distributed systems where accurate timestamps are critical.',
    ],
    [
      'What does TrueTime API provide to users?',
      "TrueTime API returns two values: [earliest, latest], representing the earliest possible and the latest possible timestamp. This interval reflects the uncertainty of the current time based on the system's calculations.",
    ],
    [
      'What is split brain in a distributed system?',
      'Split brain happens when two or more nodes believe they should be the leader (primary) for a resource, leading them to make conflicting decisions and potentially causing data corruption or service outages.\n```java\n// Pseudocode\nif (isLeader()) write();\n```',
    ],
    [
      'Why are real-time guarantees particularly important in safety-critical embedded devices?',
      'Real-time guarantees are crucial in safety-critical embedded devices because they ensure that critical operations, like airbag deployment, occur within specified time constraints. Delays can have severe consequences.',
    ],
  ])('keeps "%s"', (front, back) => {
    expect(cardFindings(basic(front, back, context))).toEqual([]);
  });
});
