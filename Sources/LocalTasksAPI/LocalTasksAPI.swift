// The LocalTasksAPI module.
