const http = require('http');
const mongoose = require('mongoose');

const app = require('./app');

const PORT = Number(process.env.PORT || 4000);

async function main() {
  await mongoose.connect(process.env.MONGO_URL);
  const server = http.createServer(app);
  server.listen(PORT, () => {
    console.log(`api listening on ${PORT}`);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
