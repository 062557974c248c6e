import { describe, expect, it } from 'vitest';
import { cleanCapture } from '../../../../src/parse/notes/clean-capture.js';
import { parseMarkdown } from '../../../../src/parse/notes/notes-markdown.js';
import { extractProseCards } from '../../../../src/parse/notes/prose-rules/prose-cards.js';

/** The cards of a chapter, as [rule, front, back, context] rows. */
function cards(markdown: string): [string, string, string, string | null][] {
  const cleaned = cleanCapture(markdown);
  return extractProseCards(parseMarkdown(cleaned.text), cleaned.lineOf).map((c) => [c.syntax.slice(5), c.front, c.back, c.context]);
}

describe('prose rules', () => {
  it('asks what a term defined in prose is', () => {
    expect(cards('A fencing token is a number that increases every time the lock service grants a lock.\n')).toEqual([
      ['prose-definition', 'What is a fencing token?', 'A number that increases every time the lock service grants a lock.', null],
    ]);
  });

  it('hides the term a sentence names ("is called", "is known as"), all its aliases together with how many there are', () => {
    expect(cards('A node that is paused but still acts as the leader is called a zombie.\n')).toEqual([
      ['prose-definition', 'A node that is paused but still acts as the leader is called a **[...]**.', 'zombie', null],
    ]);
    expect(cards('Nodes can be slow. Such a node is called a limping node, gray failure, or fail-slow, and it is hard to handle.\n')[0]).toEqual([
      'prose-definition',
      'Such a node is called a **[3 names]**, and it is hard to handle.',
      'limping node, gray failure, or fail-slow',
      'Nodes can be slow.',
    ]);
  });

  it('hides no name that is one of several the sentence gives, nor one whose name part is still in sight', () => {
    // One vendor's name among others is trivia, and the others show what kind of name it is.
    expect(cards('In Chubby they are called sequencers, and in Kafka they are called *epoch numbers*.\n')).toEqual([]);
    // "Byzantine" in sight as a name again gives "Byzantine fault" away; "Network Time Protocol" is not given
    // away by "the time" in lower case.
    expect(cards('Such behavior is known as a Byzantine fault, and the problem of agreeing is known as the *Byzantine Generals Problem*.\n')).toEqual([]);
    expect(cards('Clocks drift apart on every machine. Clocks are set by what is known as the Network Time Protocol, from the time of a server.\n')).toEqual([
      ['prose-definition', 'Clocks are set by what is known as the **[...]**, from the time of a server.', 'Network Time Protocol', null],
    ]);
  });

  it('brings the sentence before as context when the answer names a thing with "the" that only that sentence set up', () => {
    expect(cards('A lock service hands out a lease to one client at a time. If a thread is paused for a long time, the lease may expire before the thread resumes its work.\n')).toEqual([
      ['consequence', 'What happens if a thread is paused for a long time?', 'The lease may expire before the thread resumes its work.', 'A lock service hands out a lease to one client at a time.'],
    ]);
  });

  it('asks what one would have to do, and makes no card of a result that only denies what the condition undid', () => {
    expect(cards('If you wanted to transfer a file over a circuit, you would have to guess a bandwidth allocation for it.\n')).toEqual([
      ['consequence', 'What would you have to do if you wanted to transfer a file over a circuit?', 'Guess a bandwidth allocation for it.', null],
    ]);
    expect(cards('If the network cable is unplugged, TCP can’t plug it back in for you.\n')).toEqual([]);
    // "network" holds "work" but does not say it: the result is a fact.
    expect(cards('If a machine’s CPU is defective or its network is misconfigured, it most likely won’t work at all, so it will quickly be noticed and fixed.\n')).toHaveLength(1);
  });

  it('asks nothing of what a thing was: a definition holds now, history is an aside', () => {
    expect(cards('Byzantium was an ancient Greek city that later became Constantinople.\n')).toEqual([]);
    expect(cards('Byzantium is an ancient Greek city that later became Constantinople.\n')).toEqual([
      ['prose-definition', 'What is Byzantium?', 'An ancient Greek city that later became Constantinople.', null],
    ]);
  });

  it('asks what a term is when the notes define it as people speak ("called a X which is just Y", \'"X" which means Y\')', () => {
    expect(cards('It has this thing called a lease which is just a given amount of time after it grabs the lock.\n')).toEqual([
      ['prose-definition', 'What is a lease?', 'A given amount of time after it grabs the lock.', null],
    ]);
    expect(cards('It has this thing called a [[lease]] which is just a given amount of time after it grabs the lock.\n')).toEqual([
      ['prose-definition', 'What is a lease?', 'A given amount of time after it grabs the lock.', null],
    ]);
    expect(cards('Java’s garbage collection is "stop the world" which means it is going to pause everything that is going on.\n')).toEqual([
      ['prose-definition', 'What does it mean that Java’s garbage collection is “stop the world”?', 'It is going to pause everything that is going on.', null],
    ]);
    // A name too short to define, or a pointer back ("this collector is …"), gives no card.
    expect(cards('It has a thing called a lease which is short.\n')).toEqual([]);
    expect(cards('This collector is "stop the world" which means it is going to pause everything that is going on.\n')).toEqual([]);
  });

  it('makes a why-card of a causal sentence, with a leading phrase moved to the end', () => {
    expect(cards('Relying on GPS alone can be risky because GPS signals can easily be jammed.\n')).toEqual([
      ['why', 'Why can relying on GPS alone be risky?', 'Because GPS signals can easily be jammed.', null],
    ]);
    expect(cards('In a distributed system, a node cannot trust its own clock because clocks run at different speeds.\n')).toEqual([
      ['why', "Why can't a node trust its own clock in a distributed system?", 'Because clocks run at different speeds.', null],
    ]);
    expect(cards('Only one node is allowed to be the leader for a partition, to avoid split brain (see Figure 9-4).\n')).toEqual([
      ['why', 'Why is only one node allowed to be the leader for a partition?', 'To avoid split brain.', null],
    ]);
  });

  it('asks what happens under a condition, and what to do for a wish', () => {
    expect(cards('If a node fails, it stops renewing the lease and another node takes over.\n')).toEqual([
      ['consequence', 'What happens if a node fails?', 'It stops renewing the lease and another node takes over.', null],
    ]);
    // A result of a few words restates what the condition implies.
    expect(cards('If a client pauses for too long, the lease expires.\n')).toEqual([]);
    expect(cards('If you need to avoid GC pauses entirely, one option is a language without a garbage collector.\n')).toEqual([
      ['consequence', 'What should you do if you need to avoid GC pauses entirely?', 'One option is a language without a garbage collector.', null],
    ]);
    // "that buffer" was introduced before the sentence: the card cannot show it.
    expect(cards('When the algorithm decides that it has capacity to send a packet, it takes the next packet of data from that buffer.\n')).toEqual([]);
    expect(cards('When the buffer is full, the algorithm drops the newest packet from that buffer and logs it.\n')).toEqual([
      ['consequence', 'What happens when the buffer is full?', 'The algorithm drops the newest packet from that buffer and logs it.', null],
    ]);
    // "X can cause Y" asks what X can cause, unless Y is a few words the cause gives away.
    expect(cards('Leap seconds can cause crashes in software that assumes every minute has sixty seconds.\n')).toEqual([
      ['consequence', 'What can leap seconds cause?', 'Crashes in software that assumes every minute has sixty seconds.', null],
    ]);
    expect(cards('Incorrect NTP servers can cause clocks to be significantly off.\n')).toEqual([]);
    // A hedge is no outcome.
    expect(cards('If a resource does not support fencing tokens, workarounds may be possible with a token in the file name.\n')).toEqual([]);
    // A worked example's actors ("Client 1", "token 33") are not set up by the card.
    expect(cards('When Client 1 comes back and sends a write with token 33, the storage server rejects the request.\n')).toEqual([]);
    // A judgement or an option is not something that happens.
    expect(cards('If you send a request to another node and get no response, it is impossible to tell why.\n')).toEqual([]);
    expect(cards('If ZooKeeper is used as lock service, the transaction ID zxid can be used as fencing token.\n')).toEqual([]);
    // An option the condition opens is what one can do, answered by the action.
    expect(cards('If you have access to the management interface of the switches, you can query them to detect link failures.\n')).toEqual([
      ['consequence', 'What can you do if you have access to the management interface of the switches?', 'Query them to detect link failures.', null],
    ]);
  });

  it('asks how two things differ when the text contrasts them', () => {
    expect(cards('Time-of-day clocks can jump back in time, whereas monotonic clocks always move forward.\n')).toEqual([
      [
        'contrast',
        'How do time-of-day clocks differ from monotonic clocks?',
        'Time-of-day clocks can jump back in time, whereas monotonic clocks always move forward.',
        null,
      ],
    ]);
  });

  it('asks for a list the text announces, with its count on the front', () => {
    expect(cards('There are several kinds of clocks:\n\n- **Time-of-day clocks** return the date.\n- **Monotonic clocks** measure durations.\n- **Logical clocks** count events.\n')).toEqual([
      ['list', 'What are the three kinds of clocks?', '- Time-of-day clocks\n- Monotonic clocks\n- Logical clocks', null],
    ]);
  });

  it('clozes an emphasised term, never a stress word, a vague noun or one alias of several', () => {
    expect(cards('A network partition splits the *cluster* in two halves.\n')).toEqual([
      ['emphasis', 'A network partition splits the **[...]** in two halves.', 'cluster', null],
    ]);
    expect(cards('It is *impossible* to tell why a node did not answer the request.\n')).toEqual([]);
    expect(cards('The reason is *thoroughly pessimistic* about every single network.\n')).toEqual([]);
    expect(cards('*A variant* of this idea restarts the processes every night.\n')).toEqual([]);
    expect(cards('This is known as a *limping node*, gray failure, or fail-slow in most papers.\n').map((c) => c[0])).not.toContain('emphasis');
  });

  it('makes no cloze that a learner could guess or that asks for a detail: a pair in sight, an example in brackets, a list cut off, an open phrase', () => {
    expect(cards('It is worth telling two kinds of properties apart: *safety* and *liveness* properties.\n')).toEqual([]);
    expect(cards('A virtual machine can be *suspended* (its memory saved to disk) and *resumed* later on another host.\n')).toEqual([]);
    expect(cards('Latency guarantees are possible if resources are statically partitioned (e.g., *dedicated hardware* and exclusive bandwidth).\n')).toEqual([]);
    expect(cards('With regard to *timing assumptions*, three system models are in common use:\n')).toEqual([]);
    expect(cards('Better hardware utilization is also a *significant motivation for using virtual machines*.\n')).toEqual([]);
    // A second name for what the sentence named; a term the heading just above names.
    expect(cards('A time-of-day clock returns the date according to a calendar (also known as *wall-clock time*).\n')).toEqual([]);
    expect(cards('## Faults and Partial Failures\n\nEven in small systems it is important to think about *partial failure* early.\n')).toEqual([]);
    expect(cards('## Faults\n\nEven in small systems it is important to think about *partial failure* early.\n')).toEqual([
      ['emphasis', 'Even in small systems it is important to think about **[...]** early.', 'partial failure', null],
    ]);
    // A term of five words is still a term.
    expect(cards('Jumps make time-of-day clocks *unsuitable for measuring elapsed time* in most programs.\n')).toEqual([
      ['emphasis', 'Jumps make time-of-day clocks **[...]** in most programs.', 'unsuitable for measuring elapsed time', null],
    ]);
  });

  it('asks what happens only when the answer says something the question does not', () => {
    expect(cards('If the network of a system delivered every packet within a fixed delay, the system would be much simpler.\n')).toEqual([]);
    expect(cards('If software is put in an unanticipated situation, it may do arbitrary unexpected things.\n')).toEqual([]);
    expect(cards('If a quorum of nodes declares another node dead, it must be considered dead by every node.\n')).toEqual([
      ['consequence', 'What happens if a quorum of nodes declares another node dead?', 'It must be considered dead by every node.', null],
    ]);
  });

  it('gives a question that points back the sentence before as context, and makes none without one or about a bare pronoun', () => {
    expect(cards('Monotonic clocks are local. These clocks mean nothing across computers because each one counts from its own start.\n')).toEqual([
      ['why', 'Why do these clocks mean nothing across computers?', 'Because each one counts from its own start.', 'Monotonic clocks are local.'],
    ]);
    expect(cards('These clocks mean nothing across computers because each one counts from its own start.\n')).toEqual([]);
    // A bare pronoun whose sentence before gives no noun phrase of its number as subject: no card.
    expect(cards('Nodes vote on each decision. It is still safe because there can only be one majority.\n')).toEqual([]);
    expect(cards('We vote on each decision. It is still safe because there can only be one majority.\n')).toEqual([]);
    expect(cards('It is still safe because there can only be one majority.\n')).toEqual([]);
  });

  it('asks about what a bare pronoun stands for when the sentence before names it as its subject', () => {
    expect(cards('A majority quorum allows the system to keep working. However, it is still safe, because there can only be one majority.\n')).toEqual([
      ['why', 'Why is a majority quorum still safe?', 'Because there can only be one majority.', null],
    ]);
    // Across paragraphs of one section too; "they" stands only for a plural.
    expect(cards('Sequence number generators assign blocks of IDs to nodes.\n\nThey cannot order writes by causality because blocks are assigned too slowly.\n')).toEqual([
      ['why', "Why can't sequence number generators order writes by causality?", 'Because blocks are assigned too slowly.', null],
    ]);
    // What "there are" introduces, participles and all, is what "they" stands for.
    expect(cards('There are distributed sequence number generators, such as Snowflake, that generate unique IDs. However, they cannot order writes by causality because blocks are assigned too slowly.\n')).toEqual([
      ['why', "Why can't distributed sequence number generators order writes by causality?", 'Because blocks are assigned too slowly.', null],
    ]);
    expect(cards('The generator assigns blocks of IDs to nodes. They cannot order writes by causality because blocks are assigned too slowly.\n')).toEqual([]);
    // A heading between them: the sentence before is another section's.
    expect(cards('A majority quorum allows the system to keep working.\n\n## Safety\n\nIt is still safe because there can only be one majority.\n')).toEqual([]);
  });

  it('keeps an example named in the subject of a why-question, and reads "such as" as no reference back', () => {
    expect(cards('Additional causality tracking mechanisms, such as version vectors, are needed in order to prevent violations of causality.\n')).toEqual([
      ['why', 'Why are additional causality tracking mechanisms, such as version vectors, needed?', 'To prevent violations of causality.', null],
    ]);
  });

  it('asks a long sentence what it states before its colon, and gives a short general condition its situation', () => {
    const long = `Providing real-time guarantees in a system requires support from all levels of the software stack: ${'a real-time operating system that schedules processes with a guaranteed share of the processor, '.repeat(6)}and testing.\n`;
    expect(cards(long)).toEqual([['claim', 'What does providing real-time guarantees in a system require?', 'Support from all levels of the software stack.', null]]);
    expect(cards('To stay the leader, the node must renew its lease before it expires. If the node fails, it stops renewing the lease and another node takes over.\n')).toEqual([
      ['consequence', 'What happens if the node fails?', 'It stops renewing the lease and another node takes over.', 'To stay the leader, the node must renew its lease before it expires.'],
    ]);
  });

  it("asks the text's own question with the sentence that answers it", () => {
    expect(cards('Why do datacenter networks use packet switching? The answer is that they are optimized for bursty traffic.\n')).toEqual([
      ['asked', 'Why do datacenter networks use packet switching?', 'They are optimized for bursty traffic.', null],
    ]);
    expect(cards('What distinguishes safety from liveness properties? Liveness properties often include the word eventually.\n')).toEqual([
      ['asked', 'What distinguishes safety from liveness properties?', 'Liveness properties often include the word eventually.', null],
    ]);
    // No answer, an answer about something else, a question that points back, a yes/no question, a question after a question.
    expect(cards('How long should the timeout be for a node? There is unfortunately no simple answer to that.\n')).toEqual([]);
    expect(cards('Which write is the more recent one? Figure 9-3 illustrates a dangerous use of clocks.\n')).toEqual([]);
    expect(cards('What is wrong with this code in the loop? It relies on synchronized clocks for the lease.\n')).toEqual([]);
    expect(cards('Is it crazy to assume that a thread might pause? The answer is that threads pause for many reasons.\n')).toEqual([]);
  });

  it('reads a sentence that opens with its semicolon (no clause before it) as the clauses after it', () => {
    // It threw: the clause before the first semicolon had no tokens.
    expect(cards('; if the request does not meet the deadline, that may cause a failure of the entire system.\n')).toEqual([
      ['consequence', 'What may happen if the request does not meet the deadline?', 'A failure of the entire system.', null],
    ]);
  });

  it('asks what a clause after a semicolon states: a purpose after a passive verb, what a missed condition may cause', () => {
    expect(cards('Providing real-time guarantees requires support from the whole stack: library functions must document their worst-case times; and a lot of testing must be done to ensure that guarantees are met.\n')).toEqual([
      ['claim', 'What does providing real-time guarantees require?', 'Support from the whole stack.', null],
      ['why', 'Why must a lot of testing be done?', 'To ensure that guarantees are met.', null],
    ]);
    // "it" is the subject the clause before names (the deadline is what "it" meets, so not what "it" is); "the
    // deadline" is the one that clause set up, so it goes beside the question.
    expect(cards('There is a deadline by which the software must respond; if it does not meet the deadline, that may cause a failure of the entire system.\n')).toEqual([
      ['consequence', 'What may happen if the software does not meet the deadline?', 'A failure of the entire system.', 'There is a deadline by which the software must respond'],
    ]);
    // A thing named with "the" that the heading above names needs no context.
    expect(cards('# Deadlines\n\nThere is a deadline by which the software must respond; if it does not meet the deadline, that may cause a failure of the entire system.\n')).toEqual([
      ['consequence', 'What may happen if the software does not meet the deadline?', 'A failure of the entire system.', null],
    ]);
    // A purpose of another verb of the clause is not the passive's; a pronoun the clause before does not name gives no card.
    expect(cards('You can inspect the system after faults are injected to make sure things work.\n')).toEqual([]);
    expect(cards('We were slow; if it fails again, that may cause a failure of the entire system.\n')).toEqual([]);
    expect(cards('The request was slow; if it fails again, that may cause a failure of the entire system.\n')).toEqual([
      ['consequence', 'What may happen if the request fails again?', 'A failure of the entire system.', null],
    ]);
  });

  it('asks what a practice the text just described achieves', () => {
    expect(cards('You must carefully monitor the clock offsets between all the machines. Any node that drifts too far is removed. Such monitoring ensures that you notice the broken clocks before they cause damage.\n')).toEqual([
      ['why', 'What does monitoring the clock offsets between all the machines ensure?', 'You notice the broken clocks before they cause damage.', null],
    ]);
    // The practice is not spelled out before: no card.
    expect(cards('Any node that drifts too far is removed. Such monitoring ensures that you notice the broken clocks before they cause damage.\n')).toEqual([]);
  });

  it('asks what a goal that leads the sentence needs', () => {
    expect(cards('To guarantee a correct ordering, you would need the clock error to be lower than the network delay.\n')).toEqual([
      ['claim', 'What would you need to guarantee a correct ordering?', 'The clock error to be lower than the network delay.', null],
    ]);
    expect(cards('For example, you would need a lot of patience with these clocks.\n')).toEqual([]);
    expect(cards('To do this, you need the clock error to be lower than the network delay.\n')).toEqual([]);
  });

  it('asks what a thing cannot do, only when no other rule or cloze took the sentence', () => {
    expect(cards('LWW cannot distinguish between writes that occurred in quick succession (see Figure 9-3) and writes that were truly concurrent.\n')).toEqual([
      ['claim', "What can't LWW distinguish between?", 'Writes that occurred in quick succession and writes that were truly concurrent.', null],
    ]);
    expect(cards('A node cannot necessarily trust its own judgment of a situation.\n')).toEqual([
      ['claim', "What can't a node necessarily trust?", 'Its own judgment of a situation.', null],
    ]);
    // "is unable to" says the same, and the limit may follow the claim it explains, after a colon.
    expect(cards('Database writes can mysteriously disappear: a node with a lagging clock is unable to overwrite values written by a node with a fast clock.\n')).toEqual([
      ['claim', "What can't a node with a lagging clock overwrite?", 'Values written by a node with a fast clock.', null],
    ]);
    // A pronoun subject, an empty verb, an object that points away.
    expect(cards('It cannot distinguish between writes that occurred in quick succession.\n')).toEqual([]);
    expect(cards('The node cannot be reached by any of the other nodes.\n')).toEqual([]);
    expect(cards('The node cannot distinguish between this and the other failures.\n')).toEqual([]);
  });

  it('asks what happens in a scenario the text plays out, with the sentences after it in its paragraph', () => {
    expect(cards('Imagine a node that pauses execution for one minute. During that time, no requests are processed. The other nodes eventually declare the node dead. Later it comes back.\n')).toEqual([
      ['consequence', 'What happens when a node pauses execution for one minute?', 'During that time, no requests are processed. The other nodes eventually declare the node dead.', null],
    ]);
    // The paragraph ends the outcome; a scenario with nothing after it, or with no actor that acts, gives no card.
    expect(cards('Imagine a node that pauses execution for one minute.\n\nThe other nodes eventually declare the node dead.\n')).toEqual([]);
    expect(cards('Imagine a network with an asymmetric fault. The other nodes eventually declare the node dead.\n')).toEqual([]);
  });

  it('asks for a technique with the task its heading names, and for its variant with the technique it varies', () => {
    expect(cards('## Limiting the impact of garbage collection\n\nOne approach is to treat GC pauses like planned outages of a node, and to let other nodes handle requests.\n\nA variant of this idea is to restart processes periodically, one node at a time.\n')).toEqual([
      ['claim', 'What is one approach to limiting the impact of garbage collection?', 'To treat GC pauses like planned outages of a node, and to let other nodes handle requests.', null],
      ['claim', 'What is a variant of the idea to treat GC pauses like planned outages of a node?', 'To restart processes periodically, one node at a time.', null],
    ]);
    // A heading that names no task, a variant with nothing before it to vary.
    expect(cards('## Garbage collection\n\nOne approach is to treat GC pauses like planned outages of a node.\n')).toEqual([]);
    expect(cards('## Limiting the impact of garbage collection\n\nA variant of this idea is to restart processes periodically, one node at a time.\n')).toEqual([]);
  });

  it('asks what a situation the text describes and then names is', () => {
    expect(cards('The paused client comes back and also writes to the file. We now have a split brain situation: the writes clash and corrupt the file.\n')).toEqual([
      ['prose-definition', 'What is a split brain situation?', 'The paused client comes back and also writes to the file: the writes clash and corrupt the file.', null],
    ]);
    expect(cards('We now have a split brain situation: the writes clash and corrupt the file.\n')).toEqual([]);
    expect(cards('The client writes. We now have a file that is corrupted beyond repair.\n')).toEqual([]);
  });

  it('asks why a claim holds when the sentence before gives its reason ("As a result, …") or the next one does ("This is because …")', () => {
    expect(cards('Some users deliberately set their hardware clock to an incorrect date, for example to cheat in games. As a result, the clock might be set to a time wildly in the past.\n')).toEqual([
      ['why', 'Why might the clock be set to a time wildly in the past?', 'Because some users deliberately set their hardware clock to an incorrect date, for example to cheat in games.', null],
    ]);
    // The claim's own explanation after its colon says why more directly.
    expect(cards('A job restarts from the last checkpoint after a failed node is repaired. Thus, a supercomputer is more like a single-node computer: it deals with partial failure by letting it escalate into total failure.\n')).toEqual([
      ['why', 'Why is a supercomputer more like a single-node computer?', 'It deals with partial failure by letting it escalate into total failure.', null],
    ]);
    expect(cards('The timeout must be chosen by experiment. This is because networks give no guarantee of any delay.\n')).toEqual([
      ['why', 'Why must the timeout be chosen by experiment?', 'Because networks give no guarantee of any delay.', null],
    ]);
    // A reason that points back, a condition (the consequence rule asks it), a claim about "these systems".
    expect(cards('All of this requires a large amount of additional work. Consequently, real-time systems are very expensive to build.\n')).toEqual([]);
    expect(cards('When a call is established, it gets 16 bits of every frame. Thus, each side is guaranteed to send 16 bits every 250 microseconds.\n').map((c) => c[0])).not.toContain('why');
    expect(cards('Real-time guarantees are not economical for most servers. Consequently, these systems must suffer the pauses.\n')).toEqual([]);
  });

  it('asks why a result holds when the same sentence gives its reason before ", so"', () => {
    expect(cards('A similar situation arises with CPUs: if you share each core between several threads, one thread sometimes has to wait in the run queue, so a thread can be paused for varying lengths of time.\n')).toEqual([
      ['why', 'Why can a thread be paused for varying lengths of time?', 'Because if you share each core between several threads, one thread sometimes has to wait in the run queue.', null],
    ]);
    // A result about a pronoun, a reason that points back or is about the document, "so that" (a purpose, the why rule's).
    expect(cards('Multitenancy provides better utilization of the hardware, so it is cheaper for everyone.\n')).toEqual([]);
    expect(cards('NTP synchronization can only be as good as the network delay, so there is a limit to its accuracy on a congested network.\n')).toEqual([]);
    expect(cards('In the example of Figure 9-3, node 2 concludes that x = 1 is the more recent value, so the increment is lost.\n')).toEqual([]);
    expect(cards('These devices are not perfectly accurate, so each machine has its own notion of time.\n')).toEqual([]);
  });

  it('makes one card of a sentence, by the first rule that fits', () => {
    expect(cards('A *lease* is a lock that times out after a fixed period of time.\n')).toEqual([
      ['prose-definition', 'What is a lease?', 'A lock that times out after a fixed period of time.', null],
    ]);
  });
});
