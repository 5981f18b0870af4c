import { logger } from '../lib/logger';

export interface Job<T = unknown> {
  id: string;
  name: string;
  data: T;
  attempts: number;
  enqueuedAt: number;
}

export type JobHandler<T> = (job: Job<T>) => Promise<void>;
export type FailureHandler<T> = (job: Job<T>, err: Error) => Promise<void>;

interface Registration {
  handler: JobHandler<any>;
  onFailed?: FailureHandler<any>;
}

const MAX_ATTEMPTS = 3;

export class JobQueue {
  private jobs: Job[] = [];
  private registrations = new Map<string, Registration>();
  private timer: NodeJS.Timeout | null = null;
  private active = 0;

  enqueue<T>(name: string, data: T): Job<T> {
    const job: Job<T> = {
      id: Math.random().toString(36).slice(2, 10),
      name,
      data,
      attempts: 0,
      enqueuedAt: Date.now(),
    };
    this.jobs.push(job);
    return job;
  }

  process<T>(name: string, handler: JobHandler<T>, onFailed?: FailureHandler<T>): void {
    this.registrations.set(name, { handler, onFailed });
  }

  start(pollIntervalMs = 50): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), pollIntervalMs);
  }

  stop(): void {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  size(): number {
    return this.jobs.length;
  }

  activeCount(): number {
    return this.active;
  }

  private async tick(): Promise<void> {
    const job = this.jobs.shift();
    if (!job) return;

    const registration = this.registrations.get(job.name);
    if (!registration) {
      logger.warn({ jobId: job.id, name: job.name }, 'no handler registered, dropping job');
      return;
    }

    this.active++;
    job.attempts++;
    try {
      await registration.handler(job);
    } catch (err) {
      if (job.attempts < MAX_ATTEMPTS) {
        const delay = Math.pow(2, job.attempts) * 1000;
        setTimeout(() => this.jobs.push(job), delay);
      } else if (registration.onFailed) {
        await registration.onFailed(job, err as Error);
      }
    } finally {
      this.active--;
    }
  }
}

export const jobQueue = new JobQueue();
