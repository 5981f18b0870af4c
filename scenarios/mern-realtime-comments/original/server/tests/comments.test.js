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

jest.mock('../src/lib/mailer', () => ({ send: jest.fn().mockResolvedValue({}) }));

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
  expect(listed.body.map((c) => c.body)).toEqual(['First draft is up']);
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
