"""Quizzes: pre-tests, module quizzes and post-tests, graded on the server."""
