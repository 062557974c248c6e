import { describe, expect, it } from 'vitest';
import { boldDefinition, defines, isNoise, meaningOf, pickAnswer, restatesLabel } from '../../../src/parse/notes/bullet-answers.js';
import { labelQuestion, type LabelQuestion } from '../../../src/parse/notes/label-questions.js';
import { analyse } from '../../../src/nlp/english.js';

const q = (label: string): LabelQuestion => labelQuestion(label)!;

describe('pickAnswer', () => {
  it('answers "What is X?" with a sentence that defines X, and the next when it carries on', () => {
    const picked = pickAnswer(
      ['Each time a lock service grants a lease, it returns a number called a fencing token.', 'This number increases with each granted lock.', 'Clients send it with every write.'],
      q('Fencing Tokens'),
    );
    expect(picked.answer).toBe('Each time a lock service grants a lease, it returns a number called a fencing token. This number increases with each granted lock.');
    expect(picked.rest).toEqual(['Clients send it with every write.']);
    expect(picked.restAt).toEqual([2]);
  });

  it('gives no answer to "What is X?" from a sentence that does not say what X is', () => {
    expect(pickAnswer(['A simple counter can be used to generate transaction IDs.'], q('Single-node Database')).answer).toBeNull();
    expect(pickAnswer(['Despite decades of progress, network faults still occur frequently.'], q('Network Faults')).answer).toBeNull();
    expect(pickAnswer(['A common approach to address these problems is to set timeouts.'], q('Timeouts')).answer).toBeNull();
    expect(pickAnswer(['Restart one node at a time, and shift traffic away from it.'], q('Node Restart')).answer).toBeNull();
    // A name the label does not hold, doing something: a fact about that name (the opener tagged in its sentence).
    const tagged = (text: string, label: string): string | null => pickAnswer([text], q(label), false, [analyse(text)[0]!.tokens[0]]).answer;
    expect(tagged('Google deploys GPS receivers in each data center to synchronize clocks within about 7 ms.', 'Clock Synchronization')).toBeNull();
    expect(tagged('Spanner waits for the length of the confidence interval before it commits.', 'Intentional Waiting')).toBeNull();
    // A name the label holds is its subject.
    expect(tagged('Spanner waits for the length of the confidence interval before it commits.', 'Spanner')).toBe('Spanner waits for the length of the confidence interval before it commits.');
  });

  it('skips a first sentence that only announces the facet, and takes the facts that fit', () => {
    const picked = pickAnswer(
      ['A system can be more reliable than its components, but there are limits.', 'Error-correcting codes cannot fix severe interference.', 'TCP cannot remove network delays.'],
      q('Limits of Reliability'),
    );
    expect(picked.answer).toBe('Error-correcting codes cannot fix severe interference. TCP cannot remove network delays.');
    expect(picked.rest).toEqual([]);
  });

  it('leaves out lead-ins and sentences about the document, never in an answer nor handed on', () => {
    const picked = pickAnswer(
      ['Before we start to talk about fencing tokens, we should get some consensus.', 'Chapter 9 examines several algorithms.', 'A fencing token is a number that grows with each lease.'],
      q('Fencing Tokens'),
    );
    expect(picked).toEqual({ answer: 'A fencing token is a number that grows with each lease.', rest: [], restAt: [] });
  });

  it('cuts a clause about the document and keeps the sentence', () => {
    const picked = pickAnswer(['The distributed systems discussed in this book are shared-nothing systems, connected only by a network.'], q('Shared-Nothing Systems'));
    expect(picked.answer).toBe('The distributed systems are shared-nothing systems, connected only by a network.');
  });

  it('keeps answers within 250 characters and never ends on a sentence cut short', () => {
    const long = `Every ${'word '.repeat(50).trim()}.`;
    expect(pickAnswer([long], q('Fencing Tokens')).answer).toBeNull();
    expect(pickAnswer(['NTP clients can be configured with several servers.', 'If most servers agree, any mis'], q('NTP Clients')).answer).toBe(
      'NTP clients can be configured with several servers.',
    );
  });

  it('answers a contrast only when both sides are spoken of', () => {
    expect(pickAnswer(['Data center networks use packet switching.'], q('Circuit Switching vs. Packet Switching')).answer).toBeNull();
    expect(pickAnswer(['Circuit switching reserves bandwidth, while packet switching shares it.'], q('Circuit Switching vs. Packet Switching')).answer).toBe(
      'Circuit switching reserves bandwidth, while packet switching shares it.',
    );
  });

  it('takes a described text as the answer to "What is X?" without asking whether it defines X', () => {
    const sentences = ['Often times, a process will be preempted by another process for seconds at a time'];
    expect(pickAnswer(sentences, q('Process Pauses')).answer).toBeNull();
    expect(pickAnswer(sentences, q('Process Pauses'), true).answer).toBe(sentences[0]);
  });
});

describe('sentence tests', () => {
  it('tells noise: about the document, or a spoken lead-in', () => {
    expect(isNoise('Understanding the challenges is important in this chapter.')).toBe(true);
    expect(isNoise('In order to present this issue, lets talk about process pauses.')).toBe(true);
    expect(isNoise('It explores the extent to which these problems can be avoided.')).toBe(true);
    expect(isNoise('A lease is a lock with a timeout.')).toBe(false);
  });

  it('tells a sentence that restates its label', () => {
    expect(restatesLabel('There are several challenges of distributed systems:', q('Challenges of Distributed Systems'))).toBe(true);
    expect(restatesLabel('Long timeouts delay the detection of faults.', q('Challenges of Setting Timeouts'))).toBe(false);
  });

  it('tells a definition by its subject, a naming or a description without a subject', () => {
    expect(defines('When network faults cut the network, this is called a network partition.', q('Network Partitions'))).toBe(true);
    expect(defines('Use specialized hardware and restart on errors.', q('Supercomputers'))).toBe(true);
    expect(defines('It is necessary to measure round-trip times.', q('Experimental Timeout Configuration'))).toBe(false);
  });

  it('reads a bold term a sentence defines, and a plain term a sentence explains', () => {
    expect(boldDefinition('**Partial Failure** refers to situations where some parts fail.')).toEqual({ term: 'Partial Failure', definition: 'Situations where some parts fail.' });
    expect(boldDefinition('A **lease** is a lock with a timeout.')).toEqual({ term: 'lease', definition: 'A lock with a timeout.' });
    expect(boldDefinition('**Snapshot Isolation** is beneficial when a database supports long reads.')).toBeNull();
    expect(meaningOf('A preempted process just means a computer starts running something else')).toEqual({
      term: 'preempted process',
      definition: 'A computer starts running something else.',
    });
    expect(meaningOf('This means the node is dead.')).toBeNull();
  });
});
