const nodemailer = require('nodemailer');

const transport = nodemailer.createTransport({
  host: process.env.SMTP_HOST,
  port: Number(process.env.SMTP_PORT || 587),
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },
});

async function send({ to, subject, text }) {
  return transport.sendMail({ from: 'Taskflow <no-reply@taskflow.app>', to, subject, text });
}

module.exports = { send };
