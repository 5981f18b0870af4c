const jwt = require('jsonwebtoken');
const mongoose = require('mongoose');
const request = require('supertest');
const { MongoMemoryServer } = require('mongodb-memory-server');

process.env.JWT_SECRET = 'test-secret';

const app = require('../src/app');
const Comment = require('../src/models/Comment');
const Project = require('../src/models/Project');
const Task = require('../src/models/Task');
const User = require('../src/models/User');

const { emitToTask } = require('../src/realtime/socket');

jest.mock('../src/lib/mailer', () => ({ send: jest.fn().mockResolvedValue({}) }));
jest.mock('../src/realtime/socket', () => ({ emitToTask: jest.fn(), initSocket: jest.fn() }));

let mongo;
let alice;
let bob;
let task;

function tokenFor(user) {
  return jwt.sign({ sub: String(user._id), name: user.name }, process.env.JWT_SECRET);
}

beforeAll(async () => {
  mongo = await MongoMemoryServer.create();
  await mongoose.connect(mongo.getUri());
});

afterAll(async () => {
  await mongoose.disconnect();
  await mongo.stop();
});

beforeEach(async () => {
  await mongoose.connection.db.dropDatabase();
  alice = await User.create({ name: 'Alice', email: 'alice@example.com' });
  bob = await User.create({ name: 'Bob', email: 'bob@example.com' });
  const project = await Project.create({ name: 'Launch', members: [alice._id] });
  task = await Task.create({ projectId: project._id, title: 'Write docs', watchers: [alice._id] });
});

test('members can post and list comments', async () => {
  const created = await request(app)
    .post(`/api/tasks/${task._id}/comments`)
    .set('Authorization', `Bearer ${tokenFor(alice)}`)
    .send({ body: 'First draft is up' });
  expect(created.status).toBe(201);

  const listed = await request(app)
    .get(`/api/tasks/${task._id}/comments`)
    .set('Authorization', `Bearer ${tokenFor(alice)}`);
  expect(listed.status).toBe(200);
  expect(listed.body.items.map((c) => c.body)).toEqual(['First draft is up']);
});

test('non-members cannot read comments', async () => {
  await Comment.create({ taskId: task._id, authorId: alice._id, body: 'secret plan' });
  const response = await request(app)
    .get(`/api/tasks/${task._id}/comments`)
    .set('Authorization', `Bearer ${tokenFor(bob)}`);
  expect(response.status).toBe(404);
});

test('rejects an empty comment', async () => {
  const response = await request(app)
    .post(`/api/tasks/${task._id}/comments`)
    .set('Authorization', `Bearer ${tokenFor(alice)}`)
    .send({ body: '   ' });
  expect(response.status).toBe(400);
});

test('paginates comments with a cursor', async () => {
  for (const body of ['one', 'two', 'three']) {
    await Comment.create({ taskId: task._id, authorId: alice._id, body });
  }
  const first = await request(app)
    .get(`/api/tasks/${task._id}/comments?limit=2`)
    .set('Authorization', `Bearer ${tokenFor(alice)}`);
  expect(first.status).toBe(200);
  expect(first.body.items).toHaveLength(2);
  expect(first.body.nextCursor).toBeTruthy();
});

test('creating a comment fans out to the task room', async () => {
  const response = await request(app)
    .post(`/api/tasks/${task._id}/comments`)
    .set('Authorization', `Bearer ${tokenFor(alice)}`)
    .send({ body: 'Ready for review' });
  expect(response.status).toBe(201);

  await new Promise((resolve) => setImmediate(resolve));
  expect(emitToTask).toHaveBeenCalled();
});
