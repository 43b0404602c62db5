import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ImportJob } from '@notoneless/shared';
import type { JobBoard } from './job-board';

const IDLE: ImportJob = {
  phase: 'done',
  rowsDone: 0,
  rowsTotal: null,
  bytesDone: 0,
  bytesTotal: 0,
  rowsPerSecond: 0,
  secondsLeft: 0,
  message: null,
};

/**
 * Stream a job's progress as server-sent events (`event: progress`, JSON data), at most 4 a second, ending when the
 * job is done or failed. The caller checks visibility first.
 */
export function streamJob(req: FastifyRequest, reply: FastifyReply, jobs: JobBoard, id: string): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  const send = (data: ImportJob) => res.write(`event: progress\ndata: ${JSON.stringify(data)}\n\n`);
  let last = 0;
  const close = () => {
    unsubscribe();
    res.end();
  };
  const unsubscribe = jobs.subscribe(id, (j) => {
    const finished = j.phase === 'done' || j.phase === 'failed';
    if (!finished && Date.now() - last < 250) return;
    last = Date.now();
    send(j);
    if (finished) close();
  });
  const current = jobs.get(id);
  send(current ?? IDLE);
  if (!current || current.phase === 'done' || current.phase === 'failed') close();
  req.raw.on('close', unsubscribe);
}
