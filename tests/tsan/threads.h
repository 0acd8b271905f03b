/*
 * tests/tsan/threads.h: C11 <threads.h> on POSIX threads, for `make tsan`
 * only (it puts this directory first on the include path).
 *
 * ThreadSanitizer intercepts pthread_create, pthread_mutex_lock and the
 * like; glibc's thrd_create and mtx_lock reach the same code through
 * internal names it does not see, so a program on C11 threads crashes
 * under TSan (a SEGV in the first thread it did not watch start) or
 * reports races on data its mutexes guard. Mapping every C11 call onto its
 * pthread twin, as static inline functions, lets TSan see each thread,
 * lock and wait. The constants keep glibc's values.
 */
#ifndef EC_TSAN_THREADS_H
#define EC_TSAN_THREADS_H

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#ifndef __cplusplus
#define thread_local _Thread_local
#endif
#define ONCE_FLAG_INIT PTHREAD_ONCE_INIT
#define TSS_DTOR_ITERATIONS PTHREAD_DESTRUCTOR_ITERATIONS

typedef pthread_t thrd_t;
typedef pthread_mutex_t mtx_t;
typedef pthread_cond_t cnd_t;
typedef pthread_once_t once_flag;
typedef pthread_key_t tss_t;
typedef int (*thrd_start_t)(void *);
typedef void (*tss_dtor_t)(void *);

enum { thrd_success = 0, thrd_busy = 1, thrd_error = 2, thrd_nomem = 3, thrd_timedout = 4 };
enum { mtx_plain = 0, mtx_recursive = 1, mtx_timed = 2 };

/* The C11 status of a pthread call that creates something. */
static inline int ec_tsan_status(int err)
{
	return err == 0 ? thrd_success : err == ENOMEM || err == EAGAIN ? thrd_nomem : thrd_error;
}

/* The start function and its argument, handed to the new thread. */
typedef struct ec_tsan_start {
	thrd_start_t func;
	void *arg;
} ec_tsan_start;

/* pthread start routines return void *: the int result travels in it. */
static inline void *ec_tsan_trampoline(void *p)
{
	ec_tsan_start start = *(ec_tsan_start *)p;

	free(p);
	return (void *)(intptr_t)start.func(start.arg);
}

static inline int thrd_create(thrd_t *thr, thrd_start_t func, void *arg)
{
	ec_tsan_start *start = malloc(sizeof(*start));
	int err;

	if (!start)
		return thrd_nomem;
	start->func = func;
	start->arg = arg;
	err = pthread_create(thr, NULL, ec_tsan_trampoline, start);
	if (err)
		free(start);
	return ec_tsan_status(err);
}

static inline int thrd_join(thrd_t thr, int *res)
{
	void *value;

	if (pthread_join(thr, &value) != 0)
		return thrd_error;
	if (res)
		*res = (int)(intptr_t)value;
	return thrd_success;
}

static inline int thrd_detach(thrd_t thr)
{
	return pthread_detach(thr) == 0 ? thrd_success : thrd_error;
}

static inline _Noreturn void thrd_exit(int res)
{
	pthread_exit((void *)(intptr_t)res);
}

static inline thrd_t thrd_current(void)
{
	return pthread_self();
}

static inline int thrd_equal(thrd_t a, thrd_t b)
{
	return pthread_equal(a, b);
}

static inline void thrd_yield(void)
{
	sched_yield();
}

/* 0 when slept through, -1 when a signal woke it, -2 on another error. */
static inline int thrd_sleep(const struct timespec *duration, struct timespec *remaining)
{
	if (nanosleep(duration, remaining) == 0)
		return 0;
	return errno == EINTR ? -1 : -2;
}

static inline int mtx_init(mtx_t *mtx, int type)
{
	pthread_mutexattr_t attr;
	int err;

	if (type != mtx_plain && type != mtx_timed && type != (mtx_plain | mtx_recursive) &&
	    type != (mtx_timed | mtx_recursive))
		return thrd_error;
	if (pthread_mutexattr_init(&attr) != 0)
		return thrd_error;
	err = pthread_mutexattr_settype(&attr, type & mtx_recursive ? PTHREAD_MUTEX_RECURSIVE
								    : PTHREAD_MUTEX_NORMAL);
	if (!err)
		err = pthread_mutex_init(mtx, &attr);
	pthread_mutexattr_destroy(&attr);
	return ec_tsan_status(err);
}

static inline int mtx_lock(mtx_t *mtx)
{
	return pthread_mutex_lock(mtx) == 0 ? thrd_success : thrd_error;
}

static inline int mtx_trylock(mtx_t *mtx)
{
	int err = pthread_mutex_trylock(mtx);

	return err == 0 ? thrd_success : err == EBUSY ? thrd_busy : thrd_error;
}

static inline int mtx_timedlock(mtx_t *restrict mtx, const struct timespec *restrict ts)
{
	int err = pthread_mutex_timedlock(mtx, ts);

	return err == 0 ? thrd_success : err == ETIMEDOUT ? thrd_timedout : thrd_error;
}

static inline int mtx_unlock(mtx_t *mtx)
{
	return pthread_mutex_unlock(mtx) == 0 ? thrd_success : thrd_error;
}

static inline void mtx_destroy(mtx_t *mtx)
{
	pthread_mutex_destroy(mtx);
}

static inline int cnd_init(cnd_t *cond)
{
	return ec_tsan_status(pthread_cond_init(cond, NULL));
}

static inline int cnd_signal(cnd_t *cond)
{
	return pthread_cond_signal(cond) == 0 ? thrd_success : thrd_error;
}

static inline int cnd_broadcast(cnd_t *cond)
{
	return pthread_cond_broadcast(cond) == 0 ? thrd_success : thrd_error;
}

static inline int cnd_wait(cnd_t *cond, mtx_t *mtx)
{
	return pthread_cond_wait(cond, mtx) == 0 ? thrd_success : thrd_error;
}

/* ts is an absolute TIME_UTC time, the clock a default pthread_cond_t uses. */
static inline int cnd_timedwait(cnd_t *restrict cond, mtx_t *restrict mtx,
				const struct timespec *restrict ts)
{
	int err = pthread_cond_timedwait(cond, mtx, ts);

	return err == 0 ? thrd_success : err == ETIMEDOUT ? thrd_timedout : thrd_error;
}

static inline void cnd_destroy(cnd_t *cond)
{
	pthread_cond_destroy(cond);
}

static inline void call_once(once_flag *flag, void (*func)(void))
{
	pthread_once(flag, func);
}

static inline int tss_create(tss_t *key, tss_dtor_t dtor)
{
	return pthread_key_create(key, dtor) == 0 ? thrd_success : thrd_error;
}

static inline void *tss_get(tss_t key)
{
	return pthread_getspecific(key);
}

static inline int tss_set(tss_t key, void *value)
{
	return pthread_setspecific(key, value) == 0 ? thrd_success : thrd_error;
}

static inline void tss_delete(tss_t key)
{
	pthread_key_delete(key);
}

#endif
