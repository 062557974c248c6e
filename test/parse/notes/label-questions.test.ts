import { describe, expect, it } from 'vitest';
import { casingFrom } from '../../../src/parse/notes/label-casing.js';
import { childQuestion, cleanLabel, labelQuestion, labelSubject } from '../../../src/parse/notes/label-questions.js';

const question = (label: string, about?: string): string | null => labelQuestion(label, { about })?.question ?? null;

describe('labelQuestion', () => {
  it('asks what a term is, its number from the noun', () => {
    expect(question('Fencing Tokens')).toBe('What are fencing tokens?');
    expect(question('Quorum')).toBe('What is a quorum?');
    expect(question('Garbage Collection (GC)')).toBe('What is garbage collection (GC)?');
    expect(question('Network Partitions')).toBe('What are network partitions?');
    expect(question('Monotonic')).toBe('What does "monotonic" mean?');
  });

  it('gives a name of several capitalised words the article "the"', () => {
    expect(question('TrueTime API')).toBe('What is the TrueTime API?');
    expect(question('Leader Confirmation Problem')).toBe('What is the leader confirmation problem?');
  });

  it('asks the facet a label names before "of", "with", "between"', () => {
    expect(question('Causes of Delay')).toBe('What causes delay?');
    expect(question('Examples of Partial Failure')).toBe('What are examples of partial failure?');
    expect(question('Issues with Clocks')).toBe('What are the issues with clocks?');
    expect(question('Limits of Reliability')).toBe('What are the limits of reliability?');
    expect(question('Differences between Supercomputers and Cloud Systems')).toBe('What are the differences between supercomputers and cloud systems?');
    expect(question('Elements Required for Real-Time Guarantees in Systems')).toBe('What are the elements required for real-time guarantees in systems?');
    expect(question('Methods to Reduce GC Pauses')).toBe('What are the methods to reduce GC pauses?');
    expect(question('Deterministic Behavior of a Single Computer')).toBe('How does a single computer behave?');
    expect(question('Reliability of Networks')).toBe('How reliable are networks?');
    expect(question('Uncertainty of Node Status')).toBe('Why is node status uncertain?');
    expect(question('Importance of Distinguishing Between Safety and Liveness')).toBe('Why is distinguishing between safety and liveness important?');
  });

  it('asks the facet a label names after a dash, or after the thing without one', () => {
    expect(question('Fencing Tokens — Implementation')).toBe('How are fencing tokens implemented?');
    expect(question('Time-of-day clocks — Characteristics')).toBe('What are the characteristics of time-of-day clocks?');
    expect(question('Process Pause Significance')).toBe('Why does a process pause matter?');
    expect(question('Fencing Tokens Overview')).toBe('What are fencing tokens?');
  });

  it('reads a bare facet as being about its heading or group', () => {
    expect(question('Definition', 'Monotonic clocks')).toBe('What are monotonic clocks?');
    expect(question('Implementation', 'Fencing Tokens')).toBe('How are fencing tokens implemented?');
    expect(question('Examples')).toBeNull();
  });

  it('asks how two things differ, a shared head noun given to both', () => {
    expect(question('Circuit Switching vs. Packet Switching')).toBe('How does circuit switching differ from packet switching?');
    expect(question('Monotonic vs. Time-of-Day Clocks')).toBe('How do monotonic clocks differ from time-of-day clocks?');
    expect(labelQuestion('Telephone Networks vs. TCP Connections')?.sides).toEqual(['telephone networks', 'TCP connections']);
  });

  it('asks how to do what a gerund label does, and how a thing works in a place', () => {
    expect(question('Handling Network Faults')).toBe('How do you handle network faults?');
    expect(question('Defining the Correctness of an Algorithm')).toBe('How do you define the correctness of an algorithm?');
    expect(question('Meeting User Guarantees')).toBe('How do you meet user guarantees?');
    expect(question('Timeouts in Ideal Systems')).toBe('How do timeouts work in ideal systems?');
  });

  it('gives null for vague labels, pieces, claims and instructions', () => {
    for (const label of [
      'Other Reasons', 'Realistic Approach', 'Future Discussion', 'Part 1 (1/2)', 'Significance', 'Conclusion',
      'Software Design', 'Overview', 'Description', 'Examples', 'Statistical Analysis', 'Fencing Tokens Conclusion',
      'Clocks Are Unreliable', 'Use Only for Short-Lived Objects', 'Consider as Planned Downtime',
      'Possibility of Avoiding Problems', 'The Leader and the Lock — Example', 'Problems with the Code',
      'Clocks and Timing Issues',
    ]) {
      expect(question(label), label).toBeNull();
    }
  });

  it('keeps the capitals of words the note writes capitalised mid-sentence, lowers the rest', () => {
    const casing = casingFrom('Nodes may be Byzantine and the generals lie. We use fencing tokens here, as in the "End-to-End Argument."');
    expect(labelQuestion('Byzantine Generals Problem', { casing })?.question).toBe('What is the Byzantine generals problem?');
    expect(labelQuestion('Fencing Tokens', { casing })?.question).toBe('What are fencing tokens?');
    expect(labelQuestion('End-to-End Argument', { casing })?.question).toBe('What is the end-to-end argument?');
  });
});

describe('childQuestion', () => {
  it('asks a child of causes or methods how it causes or serves', () => {
    const causes = labelQuestion('Causes of Delay');
    expect(childQuestion('Switch Queues', causes)?.question).toBe('How can switch queues cause delay?');
    expect(childQuestion('CPU and VM Queues', causes)?.question).toBe('How can CPU and VM queues cause delay?');
    const methods = labelQuestion('Methods to Reduce GC Pauses');
    expect(childQuestion('Runtime Warnings', methods)?.question).toBe('How can runtime warnings reduce GC pauses?');
    expect(childQuestion('Use Only for Short-Lived Objects', methods)).toBeNull();
  });

  it('asks a member of a set of properties what that property is', () => {
    const properties = labelQuestion('Properties of the Fencing Tokens Algorithm');
    expect(childQuestion('Uniqueness', properties)?.question).toBe('What is the uniqueness property of the fencing tokens algorithm?');
  });

  it('leaves other children their own question', () => {
    expect(childQuestion('Supercomputers', labelQuestion('Differences between Supercomputers and Cloud Systems'))?.question).toBe('What are supercomputers?');
    expect(childQuestion('Other Reasons', labelQuestion('Possibility of Pauses'))).toBeNull();
  });
});

describe('cleanLabel', () => {
  it('drops marks, a trailing colon, pieces and numbers', () => {
    expect(cleanLabel('**Fencing Tokens:**')).toBe('Fencing Tokens');
    expect(cleanLabel('Process Pauses Part 1 (1/2)')).toBe('Process Pauses');
    expect(cleanLabel('2. `zxid` values:')).toBe('zxid values');
  });
});

describe('labelSubject', () => {
  it('names what an outline topic is about, with its article, a placing or facet word cut off', () => {
    expect(labelSubject('Unreliable Nodes')).toEqual({ text: 'unreliable nodes', plural: true });
    expect(labelSubject('Process Pause Significance')).toEqual({ text: 'a process pause', plural: false });
    expect(labelSubject('Fencing Tokens Conclusion')).toEqual({ text: 'fencing tokens', plural: true });
    expect(labelSubject('Fencing Tokens Overview')).toEqual({ text: 'fencing tokens', plural: true });
    expect(labelSubject('Leader Election — Implementation')).toEqual({ text: 'leader election', plural: false });
    expect(labelSubject('Process Pauses Part 2')).toEqual({ text: 'process pauses', plural: true });
  });

  it('gives null when the label names no thing: vague, a claim, an instruction, an action', () => {
    expect(labelSubject('Conclusion')).toBeNull();
    expect(labelSubject('Other Reasons')).toBeNull();
    expect(labelSubject('Clocks Are Unreliable')).toBeNull();
    expect(labelSubject('Use Only for Short-Lived Objects')).toBeNull();
    expect(labelSubject('Handling Network Faults')).toBeNull();
  });
});
