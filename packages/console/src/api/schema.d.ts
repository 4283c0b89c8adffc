/* Generated from the server's OpenAPI document by scripts/generate-console-api.ts: do not edit. Run `npm run generate:api`. */

export interface paths {
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the audit log
         * @description Every configuration change with its actor, before and after. Pages with `cursor` (the `nextCursor` of the previous page).
         */
        get: {
            parameters: {
                query?: {
                    action?: string;
                    actor?: string;
                    cursor?: string;
                    environment?: string;
                    from?: string;
                    limit?: number;
                    project?: string;
                    resource?: string;
                    resourceType?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entries: {
                                action: string;
                                actor: {
                                    id: string;
                                    name: string;
                                };
                                after: unknown;
                                at: string;
                                before: unknown;
                                id: string;
                                requestId: string | null;
                                resource: {
                                    environment: string | null;
                                    key: string;
                                    project: string | null;
                                    type: string;
                                };
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send tracked events and exposures
         * @description For server SDK keys and client keys; events go to the key's environment. At most 1000 events and 1 MB per request, else 400/413 and nothing is stored. Each event is checked on its own: invalid ones are listed in `rejected` with their index and reason, the others are stored. A resent id counts as a duplicate and is not stored again. The answer comes once the events are committed. When the server has too much queued, 503 overloaded with Retry-After: send the same events again later. A client key may make 50 requests a second with bursts of 100 per visitor by default (`DIAL_CLIENT_RATE_LIMIT`, counted apart from evaluations), per server process; over it, 429 with Retry-After. Server keys are not limited.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        events: {
                            attributes?: {
                                [key: string]: string | number | boolean | null;
                            };
                            id: string;
                            key: string;
                            name: string;
                            properties?: {
                                [key: string]: components["schemas"]["JsonValue5Input"];
                            };
                            timestamp: string | number;
                            /** @enum {string} */
                            type: "track" | "exposure";
                            variant?: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accepted: number;
                            duplicates: number;
                            rejected: {
                                index: number;
                                reason: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        /**
         * CORS preflight
         * @description Answered for any origin: a preflight carries no key. The actual request checks the key's environment's `corsOrigins`.
         */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List projects */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            projects: {
                                createdAt: string;
                                description: string;
                                eventRetentionDays: number;
                                key: string;
                                name: string;
                                updatedAt: string;
                                version: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a project
         * @description Creates the project with the given environments, or with `production` alone.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default  */
                        description?: string;
                        environments?: {
                            /** @default  */
                            description?: string;
                            key: string;
                            name: string;
                        }[];
                        eventRetentionDays?: number;
                        key: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string;
                            environments: {
                                corsOrigins: string[];
                                createdAt: string;
                                description: string;
                                key: string;
                                name: string;
                                updatedAt: string;
                                version: number;
                            }[];
                            eventRetentionDays: number;
                            key: string;
                            name: string;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a project */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    project: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string;
                            environments: {
                                corsOrigins: string[];
                                createdAt: string;
                                description: string;
                                key: string;
                                name: string;
                                updatedAt: string;
                                version: number;
                            }[];
                            eventRetentionDays: number;
                            key: string;
                            name: string;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete an empty project
         * @description Refused while the project has flags or segments. Send the version in If-Match.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    project: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename or describe a project, or set how long its events are kept */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    project: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        eventRetentionDays?: number;
                        name?: string;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string;
                            eventRetentionDays: number;
                            key: string;
                            name: string;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/projects/{project}/environments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the environments of a project */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    project: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            environments: {
                                corsOrigins: string[];
                                createdAt: string;
                                description: string;
                                key: string;
                                name: string;
                                updatedAt: string;
                                version: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Add an environment
         * @description Every flag gets a configuration in it: copied from `copyFrom` when given, otherwise off.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    project: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        copyFrom?: string;
                        /** @default  */
                        description?: string;
                        key: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            corsOrigins: string[];
                            createdAt: string;
                            description: string;
                            key: string;
                            name: string;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/environments/{environment}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an environment */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    environment: string;
                    project: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            corsOrigins: string[];
                            createdAt: string;
                            description: string;
                            key: string;
                            name: string;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete an environment
         * @description Deletes its flag configurations and revokes its SDK keys. A project keeps at least one environment. Send the version in If-Match.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    environment: string;
                    project: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Rename or describe an environment, or set its CORS origins
         * @description Changes the fields given. `corsOrigins` names the web origins whose browsers may call the client endpoints with this environment's client keys.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    environment: string;
                    project: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        corsOrigins?: string[];
                        description?: string;
                        name?: string;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            corsOrigins: string[];
                            createdAt: string;
                            description: string;
                            key: string;
                            name: string;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/projects/{project}/experiments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List experiments
         * @description Experiments by key, filtered by text, status, flag or environment. Pages with `cursor` (the `nextCursor` of the previous page).
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    environment?: string;
                    flag?: string;
                    limit?: number;
                    q?: string;
                    status?: "draft" | "running" | "stopped" | "shipped";
                };
                header?: never;
                path: {
                    project: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            experiments: {
                                control: string;
                                createdAt: string;
                                environment: string;
                                flag: string;
                                guardrailMetrics: string[];
                                hypothesis: string;
                                key: string;
                                name: string;
                                primaryMetric: string;
                                secondaryMetrics: string[];
                                shippedVariant: string | null;
                                startedAt: string | null;
                                /** @enum {string} */
                                status: "draft" | "running" | "stopped" | "shipped";
                                stoppedAt: string | null;
                                treatments: string[];
                                updatedAt: string;
                                version: number;
                                weights: {
                                    [key: string]: number;
                                } | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an experiment
         * @description A draft comparing a flag's variants in one environment: `control` against each of `treatments`, on a primary metric, with secondary and guardrail metrics. The flag, environment and metrics must exist in the project; the control and treatments must be distinct variants of the flag; a metric appears in one role only. Problems are named at their field, such as `treatments[1]`. Start it once the flag splits traffic between them.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    project: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        control: string;
                        environment: string;
                        flag: string;
                        /** @default [] */
                        guardrailMetrics?: string[];
                        /** @default  */
                        hypothesis?: string;
                        key: string;
                        name: string;
                        primaryMetric: string;
                        /** @default [] */
                        secondaryMetrics?: string[];
                        treatments: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            control: string;
                            createdAt: string;
                            environment: string;
                            flag: string;
                            guardrailMetrics: string[];
                            hypothesis: string;
                            key: string;
                            name: string;
                            primaryMetric: string;
                            secondaryMetrics: string[];
                            shippedVariant: string | null;
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "draft" | "running" | "stopped" | "shipped";
                            stoppedAt: string | null;
                            treatments: string[];
                            updatedAt: string;
                            version: number;
                            weights: {
                                [key: string]: number;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/experiments/{experiment}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an experiment
         * @description The ETag is its version.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    experiment: string;
                    project: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            control: string;
                            createdAt: string;
                            environment: string;
                            flag: string;
                            guardrailMetrics: string[];
                            hypothesis: string;
                            key: string;
                            name: string;
                            primaryMetric: string;
                            secondaryMetrics: string[];
                            shippedVariant: string | null;
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "draft" | "running" | "stopped" | "shipped";
                            stoppedAt: string | null;
                            treatments: string[];
                            updatedAt: string;
                            version: number;
                            weights: {
                                [key: string]: number;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete an experiment
         * @description In any status; the flag keeps serving what it serves, and the events stay. Send the version in If-Match.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    experiment: string;
                    project: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change an experiment
         * @description Replaces the fields given and keeps the others. The flag, environment, control and treatments can change only in a draft (409 once started); the name, hypothesis and metrics at any time, and results follow. The flag, environment and metrics must exist in the project; the control and treatments must be distinct variants of the flag; a metric appears in one role only. Problems are named at their field, such as `treatments[1]`. Send the version in If-Match or the body.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    experiment: string;
                    project: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        control?: string;
                        environment?: string;
                        flag?: string;
                        guardrailMetrics?: string[];
                        hypothesis?: string;
                        name?: string;
                        primaryMetric?: string;
                        secondaryMetrics?: string[];
                        treatments?: string[];
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            control: string;
                            createdAt: string;
                            environment: string;
                            flag: string;
                            guardrailMetrics: string[];
                            hypothesis: string;
                            key: string;
                            name: string;
                            primaryMetric: string;
                            secondaryMetrics: string[];
                            shippedVariant: string | null;
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "draft" | "running" | "stopped" | "shipped";
                            stoppedAt: string | null;
                            treatments: string[];
                            updatedAt: string;
                            version: number;
                            weights: {
                                [key: string]: number;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/projects/{project}/experiments/{experiment}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an experiment's results
         * @description Per metric (primary, then secondary, then guardrail) and compared variant: units, the metric's value, and for each treatment the absolute and relative effects against the control with their interval, p-value, chance to win and verdict; running daily series by day of first exposure; and the sample-ratio check, with `srm.mismatch` and a message when p < 0.001. Units count from their first exposure to the flag in the experiment's environment, between the start and the stop (or now), in a compared variant; each metric reads their tracked events from that exposure on, within its window and before the stop (a journey metric follows its journey's steps as the journey is now). A running or stopped experiment's units keep their values as events arrive, brought up to date on every request; until they are first computed, and once shipped, results are computed from the events. 409 for a draft.
         */
        get: {
            parameters: {
                query?: {
                    test?: "sequential" | "fixed";
                };
                header?: never;
                path: {
                    experiment: string;
                    project: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alpha: number;
                            control: string;
                            experiment: string;
                            from: string;
                            metrics: {
                                daily: {
                                    day: string;
                                    variants: {
                                        relative: {
                                            ci: [
                                                number,
                                                number
                                            ];
                                            estimate: number;
                                        } | null;
                                        units: number;
                                        value: number | null;
                                        variant: string;
                                    }[];
                                }[];
                                higherIsBetter: boolean;
                                /** @enum {string} */
                                kind: "conversion" | "mean" | "journeyConversion" | "journeyDuration";
                                metric: string;
                                name: string;
                                /** @enum {string} */
                                role: "primary" | "secondary" | "guardrail";
                                /** @enum {string} */
                                type: "proportion" | "mean";
                                variants: {
                                    absolute: {
                                        chanceToWin: number;
                                        ci: [
                                            number,
                                            number
                                        ];
                                        estimate: number;
                                        pValue: number;
                                        significant: boolean;
                                        /** @enum {string} */
                                        verdict: "better" | "worse" | "inconclusive";
                                    } | null;
                                    control: boolean;
                                    relative: {
                                        chanceToWin: number;
                                        ci: [
                                            number,
                                            number
                                        ];
                                        estimate: number;
                                        pValue: number;
                                        significant: boolean;
                                        /** @enum {string} */
                                        verdict: "better" | "worse" | "inconclusive";
                                    } | null;
                                    total: number;
                                    units: number;
                                    value: number | null;
                                    variant: string;
                                }[];
                            }[];
                            srm: {
                                chiSquare: number | null;
                                message: string | null;
                                mismatch: boolean;
                                pValue: number | null;
                                variants: {
                                    expectedShare: number;
                                    observedShare: number | null;
                                    units: number;
                                    variant: string;
                                }[];
                            };
                            /** @enum {string} */
                            status: "draft" | "running" | "stopped" | "shipped";
                            /** @enum {string} */
                            test: "sequential" | "fixed";
                            to: string;
                            units: number;
                            variants: string[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/experiments/{experiment}/results.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export an experiment's results as CSV
         * @description One row per metric and variant: units, value, the absolute and relative effects with interval and p-value under the chosen test, chance to win and verdict. Units count from their first exposure to the flag in the experiment's environment, between the start and the stop (or now), in a compared variant; each metric reads their tracked events from that exposure on, within its window and before the stop (a journey metric follows its journey's steps as the journey is now). A running or stopped experiment's units keep their values as events arrive, brought up to date on every request; until they are first computed, and once shipped, results are computed from the events.
         */
        get: {
            parameters: {
                query?: {
                    test?: "sequential" | "fixed";
                };
                header?: never;
                path: {
                    experiment: string;
                    project: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/experiments/{experiment}/ship": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ship a variant
         * @description Serves one compared variant to everyone in the experiment's environment — the flag is turned on, its rules removed and its fallthrough set to the variant; prerequisites and the off variant stay — and stops the experiment if it runs. Both changes are audited and commit together; SDKs get the flag's new snapshot version. For a running or stopped experiment. Send the experiment's version in If-Match or the body.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    experiment: string;
                    project: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        variant: string;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            control: string;
                            createdAt: string;
                            environment: string;
                            flag: string;
                            guardrailMetrics: string[];
                            hypothesis: string;
                            key: string;
                            name: string;
                            primaryMetric: string;
                            secondaryMetrics: string[];
                            shippedVariant: string | null;
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "draft" | "running" | "stopped" | "shipped";
                            stoppedAt: string | null;
                            treatments: string[];
                            updatedAt: string;
                            version: number;
                            weights: {
                                [key: string]: number;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/experiments/{experiment}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start an experiment
         * @description Records the start time of a draft: now, or `startedAt` if given and not in the future. The flag must split traffic in the experiment's environment: it is on, and a percentage rollout (the fallthrough's, else the first rule's) gives weight to the control and at least one treatment; those weights are kept for the sample-ratio check. Otherwise 400 says what is missing. Units count from their first exposure at or after the start. Send the version in If-Match or the body.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    experiment: string;
                    project: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        startedAt?: string;
                        version?: number;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            control: string;
                            createdAt: string;
                            environment: string;
                            flag: string;
                            guardrailMetrics: string[];
                            hypothesis: string;
                            key: string;
                            name: string;
                            primaryMetric: string;
                            secondaryMetrics: string[];
                            shippedVariant: string | null;
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "draft" | "running" | "stopped" | "shipped";
                            stoppedAt: string | null;
                            treatments: string[];
                            updatedAt: string;
                            version: number;
                            weights: {
                                [key: string]: number;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/experiments/{experiment}/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stop an experiment
         * @description Records the stop time of a running experiment: results count exposures and events before it. The flag keeps serving what it serves. Send the version in If-Match or the body.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    experiment: string;
                    project: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version?: number;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            control: string;
                            createdAt: string;
                            environment: string;
                            flag: string;
                            guardrailMetrics: string[];
                            hypothesis: string;
                            key: string;
                            name: string;
                            primaryMetric: string;
                            secondaryMetrics: string[];
                            shippedVariant: string | null;
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "draft" | "running" | "stopped" | "shipped";
                            stoppedAt: string | null;
                            treatments: string[];
                            updatedAt: string;
                            version: number;
                            weights: {
                                [key: string]: number;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List flags
         * @description Active flags by key, or archived ones with `archived=true`, each with whether it is on in every environment. Pages with `cursor` (the `nextCursor` of the previous page).
         */
        get: {
            parameters: {
                query?: {
                    archived?: "true" | "false";
                    cursor?: string;
                    limit?: number;
                    q?: string;
                    tag?: string | string[];
                };
                header?: never;
                path: {
                    project: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            flags: {
                                archived: boolean;
                                archivedAt: string | null;
                                clientSide: boolean;
                                createdAt: string;
                                description: string;
                                environments: {
                                    [key: string]: {
                                        enabled: boolean;
                                        servesOne: string | null;
                                        updatedAt: string;
                                        version: number;
                                    };
                                };
                                key: string;
                                /** @enum {string} */
                                kind: "boolean" | "string" | "number" | "json";
                                /** @enum {string} */
                                lifetime: "temporary" | "permanent";
                                name: string;
                                offVariant: string;
                                onVariant: string;
                                owner: string;
                                tags: string[];
                                updatedAt: string;
                                variants: {
                                    description?: string;
                                    key: string;
                                    name?: string;
                                    value: components["schemas"]["JsonValue"];
                                }[];
                                version: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a flag
         * @description Creates the flag with a configuration in every environment of the project: off, serving `offVariant`, and `onVariant` to everyone once turned on.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    project: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default false */
                        clientSide?: boolean;
                        /** @default  */
                        description?: string;
                        key: string;
                        /**
                         * @default boolean
                         * @enum {string}
                         */
                        kind?: "boolean" | "string" | "number" | "json";
                        /**
                         * @default temporary
                         * @enum {string}
                         */
                        lifetime?: "temporary" | "permanent";
                        name: string;
                        offVariant?: string;
                        onVariant?: string;
                        /** @default  */
                        owner?: string;
                        tags?: string[];
                        variants?: {
                            description?: string;
                            key: string;
                            name?: string;
                            value: unknown;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            archived: boolean;
                            archivedAt: string | null;
                            clientSide: boolean;
                            createdAt: string;
                            description: string;
                            environments: {
                                [key: string]: {
                                    enabled: boolean;
                                    fallthrough: {
                                        variant: string;
                                    } | {
                                        rollout: {
                                            bucketBy?: string;
                                            salt?: string;
                                            split: {
                                                variant: string;
                                                weight: number;
                                            }[];
                                        };
                                    };
                                    offVariant: string;
                                    prerequisites: {
                                        flag: string;
                                        variant: string;
                                    }[];
                                    rules: {
                                        id: string;
                                        serve: {
                                            variant: string;
                                        } | {
                                            rollout: {
                                                bucketBy?: string;
                                                salt?: string;
                                                split: {
                                                    variant: string;
                                                    weight: number;
                                                }[];
                                            };
                                        };
                                        when: ({
                                            negate?: boolean;
                                            segment: string;
                                        } | ({
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "eq";
                                            values: (string | number | boolean)[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "contains";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "startsWith";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "endsWith";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "matches";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "lt";
                                            values: number[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "lte";
                                            values: number[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "gt";
                                            values: number[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "gte";
                                            values: number[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "before";
                                            values: (string | number)[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "after";
                                            values: (string | number)[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "semverEq";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "semverLt";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "semverGt";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "exists";
                                            values?: [
                                            ];
                                        }))[];
                                    }[];
                                    updatedAt: string;
                                    version: number;
                                };
                            };
                            key: string;
                            /** @enum {string} */
                            kind: "boolean" | "string" | "number" | "json";
                            /** @enum {string} */
                            lifetime: "temporary" | "permanent";
                            name: string;
                            offVariant: string;
                            onVariant: string;
                            owner: string;
                            tags: string[];
                            updatedAt: string;
                            variants: {
                                description?: string;
                                key: string;
                                name?: string;
                                value: components["schemas"]["JsonValue"];
                            }[];
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/flags/{flag}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a flag
         * @description The flag with its configuration in every environment. The ETag is the version of its metadata.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    flag: string;
                    project: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            archived: boolean;
                            archivedAt: string | null;
                            clientSide: boolean;
                            createdAt: string;
                            description: string;
                            environments: {
                                [key: string]: {
                                    enabled: boolean;
                                    fallthrough: {
                                        variant: string;
                                    } | {
                                        rollout: {
                                            bucketBy?: string;
                                            salt?: string;
                                            split: {
                                                variant: string;
                                                weight: number;
                                            }[];
                                        };
                                    };
                                    offVariant: string;
                                    prerequisites: {
                                        flag: string;
                                        variant: string;
                                    }[];
                                    rules: {
                                        id: string;
                                        serve: {
                                            variant: string;
                                        } | {
                                            rollout: {
                                                bucketBy?: string;
                                                salt?: string;
                                                split: {
                                                    variant: string;
                                                    weight: number;
                                                }[];
                                            };
                                        };
                                        when: ({
                                            negate?: boolean;
                                            segment: string;
                                        } | ({
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "eq";
                                            values: (string | number | boolean)[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "contains";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "startsWith";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "endsWith";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "matches";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "lt";
                                            values: number[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "lte";
                                            values: number[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "gt";
                                            values: number[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "gte";
                                            values: number[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "before";
                                            values: (string | number)[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "after";
                                            values: (string | number)[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "semverEq";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "semverLt";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "semverGt";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "exists";
                                            values?: [
                                            ];
                                        }))[];
                                    }[];
                                    updatedAt: string;
                                    version: number;
                                };
                            };
                            key: string;
                            /** @enum {string} */
                            kind: "boolean" | "string" | "number" | "json";
                            /** @enum {string} */
                            lifetime: "temporary" | "permanent";
                            name: string;
                            offVariant: string;
                            onVariant: string;
                            owner: string;
                            tags: string[];
                            updatedAt: string;
                            variants: {
                                description?: string;
                                key: string;
                                name?: string;
                                value: components["schemas"]["JsonValue"];
                            }[];
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete an archived flag
         * @description Deletes the flag and its configurations for good. Only archived flags can be deleted, and not while another flag, even an archived one, requires it as a prerequisite. Send the version in If-Match.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    flag: string;
                    project: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Edit a flag's metadata and variants
         * @description Changes the fields given. A variant still served by a configuration, or required by another flag as a prerequisite, cannot be removed (409 names where it is used). `onVariant` and `offVariant` only affect environments added later.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    flag: string;
                    project: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        clientSide?: boolean;
                        description?: string;
                        /** @enum {string} */
                        lifetime?: "temporary" | "permanent";
                        name?: string;
                        offVariant?: string;
                        onVariant?: string;
                        owner?: string;
                        tags?: string[];
                        variants?: {
                            description?: string;
                            key: string;
                            name?: string;
                            value: unknown;
                        }[];
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            archived: boolean;
                            archivedAt: string | null;
                            clientSide: boolean;
                            createdAt: string;
                            description: string;
                            environments: {
                                [key: string]: {
                                    enabled: boolean;
                                    fallthrough: {
                                        variant: string;
                                    } | {
                                        rollout: {
                                            bucketBy?: string;
                                            salt?: string;
                                            split: {
                                                variant: string;
                                                weight: number;
                                            }[];
                                        };
                                    };
                                    offVariant: string;
                                    prerequisites: {
                                        flag: string;
                                        variant: string;
                                    }[];
                                    rules: {
                                        id: string;
                                        serve: {
                                            variant: string;
                                        } | {
                                            rollout: {
                                                bucketBy?: string;
                                                salt?: string;
                                                split: {
                                                    variant: string;
                                                    weight: number;
                                                }[];
                                            };
                                        };
                                        when: ({
                                            negate?: boolean;
                                            segment: string;
                                        } | ({
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "eq";
                                            values: (string | number | boolean)[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "contains";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "startsWith";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "endsWith";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "matches";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "lt";
                                            values: number[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "lte";
                                            values: number[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "gt";
                                            values: number[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "gte";
                                            values: number[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "before";
                                            values: (string | number)[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "after";
                                            values: (string | number)[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "semverEq";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "semverLt";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "semverGt";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "exists";
                                            values?: [
                                            ];
                                        }))[];
                                    }[];
                                    updatedAt: string;
                                    version: number;
                                };
                            };
                            key: string;
                            /** @enum {string} */
                            kind: "boolean" | "string" | "number" | "json";
                            /** @enum {string} */
                            lifetime: "temporary" | "permanent";
                            name: string;
                            offVariant: string;
                            onVariant: string;
                            owner: string;
                            tags: string[];
                            updatedAt: string;
                            variants: {
                                description?: string;
                                key: string;
                                name?: string;
                                value: components["schemas"]["JsonValue"];
                            }[];
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/projects/{project}/flags/{flag}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Archive a flag
         * @description Takes the flag out of every environment's snapshot, so SDKs serve their default values, and freezes its configurations. Refused while an active flag requires it as a prerequisite. Send the version in If-Match or the body.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    flag: string;
                    project: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version?: number;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            archived: boolean;
                            archivedAt: string | null;
                            clientSide: boolean;
                            createdAt: string;
                            description: string;
                            environments: {
                                [key: string]: {
                                    enabled: boolean;
                                    fallthrough: {
                                        variant: string;
                                    } | {
                                        rollout: {
                                            bucketBy?: string;
                                            salt?: string;
                                            split: {
                                                variant: string;
                                                weight: number;
                                            }[];
                                        };
                                    };
                                    offVariant: string;
                                    prerequisites: {
                                        flag: string;
                                        variant: string;
                                    }[];
                                    rules: {
                                        id: string;
                                        serve: {
                                            variant: string;
                                        } | {
                                            rollout: {
                                                bucketBy?: string;
                                                salt?: string;
                                                split: {
                                                    variant: string;
                                                    weight: number;
                                                }[];
                                            };
                                        };
                                        when: ({
                                            negate?: boolean;
                                            segment: string;
                                        } | ({
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "eq";
                                            values: (string | number | boolean)[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "contains";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "startsWith";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "endsWith";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "matches";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "lt";
                                            values: number[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "lte";
                                            values: number[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "gt";
                                            values: number[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "gte";
                                            values: number[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "before";
                                            values: (string | number)[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "after";
                                            values: (string | number)[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "semverEq";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "semverLt";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "semverGt";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "exists";
                                            values?: [
                                            ];
                                        }))[];
                                    }[];
                                    updatedAt: string;
                                    version: number;
                                };
                            };
                            key: string;
                            /** @enum {string} */
                            kind: "boolean" | "string" | "number" | "json";
                            /** @enum {string} */
                            lifetime: "temporary" | "permanent";
                            name: string;
                            offVariant: string;
                            onVariant: string;
                            owner: string;
                            tags: string[];
                            updatedAt: string;
                            variants: {
                                description?: string;
                                key: string;
                                name?: string;
                                value: components["schemas"]["JsonValue"];
                            }[];
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/flags/{flag}/environments/{environment}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a flag's configuration in one environment
         * @description The ETag is the version of this configuration.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    environment: string;
                    flag: string;
                    project: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                            fallthrough: {
                                variant: string;
                            } | {
                                rollout: {
                                    bucketBy?: string;
                                    salt?: string;
                                    split: {
                                        variant: string;
                                        weight: number;
                                    }[];
                                };
                            };
                            offVariant: string;
                            prerequisites: {
                                flag: string;
                                variant: string;
                            }[];
                            rules: {
                                id: string;
                                serve: {
                                    variant: string;
                                } | {
                                    rollout: {
                                        bucketBy?: string;
                                        salt?: string;
                                        split: {
                                            variant: string;
                                            weight: number;
                                        }[];
                                    };
                                };
                                when: ({
                                    negate?: boolean;
                                    segment: string;
                                } | ({
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "eq";
                                    values: (string | number | boolean)[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "contains";
                                    values: string[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "startsWith";
                                    values: string[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "endsWith";
                                    values: string[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "matches";
                                    values: string[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "lt";
                                    values: number[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "lte";
                                    values: number[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "gt";
                                    values: number[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "gte";
                                    values: number[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "before";
                                    values: (string | number)[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "after";
                                    values: (string | number)[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "semverEq";
                                    values: string[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "semverLt";
                                    values: string[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "semverGt";
                                    values: string[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "exists";
                                    values?: [
                                    ];
                                }))[];
                            }[];
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        /**
         * Replace a flag's configuration in one environment
         * @description Rules, prerequisites and serves are those of FLAGS.md. The resulting flag is validated against the same environment: segments must exist, prerequisites must be active flags with the variant named, and prerequisite chains must have no cycle and be at most 10 deep. Errors name the field as a JSON path into the body, such as `rules[0].when[1].op`. Send the version in If-Match or the body.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    environment: string;
                    flag: string;
                    project: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                        fallthrough: {
                            variant: string;
                        } | {
                            rollout: {
                                bucketBy?: string;
                                salt?: string;
                                split: {
                                    variant: string;
                                    weight: number;
                                }[];
                            };
                        };
                        offVariant: string;
                        prerequisites?: {
                            flag: string;
                            variant: string;
                        }[];
                        rules: {
                            id: string;
                            serve: {
                                variant: string;
                            } | {
                                rollout: {
                                    bucketBy?: string;
                                    salt?: string;
                                    split: {
                                        variant: string;
                                        weight: number;
                                    }[];
                                };
                            };
                            when: ({
                                negate?: boolean;
                                segment: string;
                            } | ({
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "eq";
                                values: (string | number | boolean)[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "contains";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "startsWith";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "endsWith";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "matches";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "lt";
                                values: number[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "lte";
                                values: number[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "gt";
                                values: number[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "gte";
                                values: number[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "before";
                                values: (string | number)[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "after";
                                values: (string | number)[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "semverEq";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "semverLt";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "semverGt";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "exists";
                                values?: [
                                ];
                            }))[];
                        }[];
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                            fallthrough: {
                                variant: string;
                            } | {
                                rollout: {
                                    bucketBy?: string;
                                    salt?: string;
                                    split: {
                                        variant: string;
                                        weight: number;
                                    }[];
                                };
                            };
                            offVariant: string;
                            prerequisites: {
                                flag: string;
                                variant: string;
                            }[];
                            rules: {
                                id: string;
                                serve: {
                                    variant: string;
                                } | {
                                    rollout: {
                                        bucketBy?: string;
                                        salt?: string;
                                        split: {
                                            variant: string;
                                            weight: number;
                                        }[];
                                    };
                                };
                                when: ({
                                    negate?: boolean;
                                    segment: string;
                                } | ({
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "eq";
                                    values: (string | number | boolean)[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "contains";
                                    values: string[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "startsWith";
                                    values: string[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "endsWith";
                                    values: string[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "matches";
                                    values: string[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "lt";
                                    values: number[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "lte";
                                    values: number[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "gt";
                                    values: number[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "gte";
                                    values: number[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "before";
                                    values: (string | number)[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "after";
                                    values: (string | number)[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "semverEq";
                                    values: string[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "semverLt";
                                    values: string[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "semverGt";
                                    values: string[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "exists";
                                    values?: [
                                    ];
                                }))[];
                            }[];
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change part of a flag's configuration in one environment
         * @description Replaces the top-level fields given and keeps the others: `{ "enabled": false, "version": 7 }` is a kill switch. The resulting flag is validated against the same environment: segments must exist, prerequisites must be active flags with the variant named, and prerequisite chains must have no cycle and be at most 10 deep. Errors name the field as a JSON path into the body, such as `rules[0].when[1].op`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    environment: string;
                    flag: string;
                    project: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled?: boolean;
                        fallthrough?: {
                            variant: string;
                        } | {
                            rollout: {
                                bucketBy?: string;
                                salt?: string;
                                split: {
                                    variant: string;
                                    weight: number;
                                }[];
                            };
                        };
                        offVariant?: string;
                        prerequisites?: {
                            flag: string;
                            variant: string;
                        }[];
                        rules?: {
                            id: string;
                            serve: {
                                variant: string;
                            } | {
                                rollout: {
                                    bucketBy?: string;
                                    salt?: string;
                                    split: {
                                        variant: string;
                                        weight: number;
                                    }[];
                                };
                            };
                            when: ({
                                negate?: boolean;
                                segment: string;
                            } | ({
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "eq";
                                values: (string | number | boolean)[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "contains";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "startsWith";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "endsWith";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "matches";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "lt";
                                values: number[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "lte";
                                values: number[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "gt";
                                values: number[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "gte";
                                values: number[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "before";
                                values: (string | number)[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "after";
                                values: (string | number)[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "semverEq";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "semverLt";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "semverGt";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "exists";
                                values?: [
                                ];
                            }))[];
                        }[];
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                            fallthrough: {
                                variant: string;
                            } | {
                                rollout: {
                                    bucketBy?: string;
                                    salt?: string;
                                    split: {
                                        variant: string;
                                        weight: number;
                                    }[];
                                };
                            };
                            offVariant: string;
                            prerequisites: {
                                flag: string;
                                variant: string;
                            }[];
                            rules: {
                                id: string;
                                serve: {
                                    variant: string;
                                } | {
                                    rollout: {
                                        bucketBy?: string;
                                        salt?: string;
                                        split: {
                                            variant: string;
                                            weight: number;
                                        }[];
                                    };
                                };
                                when: ({
                                    negate?: boolean;
                                    segment: string;
                                } | ({
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "eq";
                                    values: (string | number | boolean)[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "contains";
                                    values: string[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "startsWith";
                                    values: string[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "endsWith";
                                    values: string[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "matches";
                                    values: string[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "lt";
                                    values: number[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "lte";
                                    values: number[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "gt";
                                    values: number[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "gte";
                                    values: number[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "before";
                                    values: (string | number)[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "after";
                                    values: (string | number)[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "semverEq";
                                    values: string[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "semverLt";
                                    values: string[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "semverGt";
                                    values: string[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "exists";
                                    values?: [
                                    ];
                                }))[];
                            }[];
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/projects/{project}/flags/{flag}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore an archived flag
         * @description Serves the flag again with the configurations it had. Refused when one no longer fits its environment, e.g. a prerequisite was archived meanwhile: the details name the environment and field.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    flag: string;
                    project: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version?: number;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            archived: boolean;
                            archivedAt: string | null;
                            clientSide: boolean;
                            createdAt: string;
                            description: string;
                            environments: {
                                [key: string]: {
                                    enabled: boolean;
                                    fallthrough: {
                                        variant: string;
                                    } | {
                                        rollout: {
                                            bucketBy?: string;
                                            salt?: string;
                                            split: {
                                                variant: string;
                                                weight: number;
                                            }[];
                                        };
                                    };
                                    offVariant: string;
                                    prerequisites: {
                                        flag: string;
                                        variant: string;
                                    }[];
                                    rules: {
                                        id: string;
                                        serve: {
                                            variant: string;
                                        } | {
                                            rollout: {
                                                bucketBy?: string;
                                                salt?: string;
                                                split: {
                                                    variant: string;
                                                    weight: number;
                                                }[];
                                            };
                                        };
                                        when: ({
                                            negate?: boolean;
                                            segment: string;
                                        } | ({
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "eq";
                                            values: (string | number | boolean)[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "contains";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "startsWith";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "endsWith";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "matches";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "lt";
                                            values: number[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "lte";
                                            values: number[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "gt";
                                            values: number[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "gte";
                                            values: number[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "before";
                                            values: (string | number)[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "after";
                                            values: (string | number)[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "semverEq";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "semverLt";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "semverGt";
                                            values: string[];
                                        } | {
                                            attr: string;
                                            negate?: boolean;
                                            /** @enum {string} */
                                            op: "exists";
                                            values?: [
                                            ];
                                        }))[];
                                    }[];
                                    updatedAt: string;
                                    version: number;
                                };
                            };
                            key: string;
                            /** @enum {string} */
                            kind: "boolean" | "string" | "number" | "json";
                            /** @enum {string} */
                            lifetime: "temporary" | "permanent";
                            name: string;
                            offVariant: string;
                            onVariant: string;
                            owner: string;
                            tags: string[];
                            updatedAt: string;
                            variants: {
                                description?: string;
                                key: string;
                                name?: string;
                                value: components["schemas"]["JsonValue"];
                            }[];
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/journeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List journeys
         * @description A project's journeys by key.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    project: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            journeys: {
                                conversionWindowSeconds: number;
                                createdAt: string;
                                description: string;
                                key: string;
                                name: string;
                                steps: {
                                    event: string;
                                    filters: {
                                        /** @enum {string} */
                                        operator: "eq" | "neq" | "in" | "notIn" | "contains" | "gt" | "gte" | "lt" | "lte" | "exists";
                                        property: string;
                                        value?: string | number | boolean | (string | number | boolean)[];
                                    }[];
                                    label: string;
                                }[];
                                updatedAt: string;
                                version: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a journey
         * @description Each step is a tracked event name with optional filters on its properties (eq, neq, in, notIn, contains, gt, gte, lt, lte, exists); a unit enters with step 0 and reaches each later step at or after the previous one, within `conversionWindowSeconds` of entering (60 to 7,776,000; 604,800 unless given). A key already used in the project gets 409.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    project: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 604800 */
                        conversionWindowSeconds?: number;
                        /** @default  */
                        description?: string;
                        key: string;
                        name: string;
                        steps: {
                            event: string;
                            filters?: ({
                                /** @enum {string} */
                                operator: "eq";
                                property: string;
                                value: string | number | boolean;
                            } | {
                                /** @enum {string} */
                                operator: "neq";
                                property: string;
                                value: string | number | boolean;
                            } | {
                                /** @enum {string} */
                                operator: "in";
                                property: string;
                                value: (string | number | boolean)[];
                            } | {
                                /** @enum {string} */
                                operator: "notIn";
                                property: string;
                                value: (string | number | boolean)[];
                            } | {
                                /** @enum {string} */
                                operator: "contains";
                                property: string;
                                value: string;
                            } | {
                                /** @enum {string} */
                                operator: "gt";
                                property: string;
                                value: number;
                            } | {
                                /** @enum {string} */
                                operator: "gte";
                                property: string;
                                value: number;
                            } | {
                                /** @enum {string} */
                                operator: "lt";
                                property: string;
                                value: number;
                            } | {
                                /** @enum {string} */
                                operator: "lte";
                                property: string;
                                value: number;
                            } | {
                                /** @enum {string} */
                                operator: "exists";
                                property: string;
                                value?: unknown;
                            })[];
                            label?: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            conversionWindowSeconds: number;
                            createdAt: string;
                            description: string;
                            key: string;
                            name: string;
                            steps: {
                                event: string;
                                filters: {
                                    /** @enum {string} */
                                    operator: "eq" | "neq" | "in" | "notIn" | "contains" | "gt" | "gte" | "lt" | "lte" | "exists";
                                    property: string;
                                    value?: string | number | boolean | (string | number | boolean)[];
                                }[];
                                label: string;
                            }[];
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/journeys/{journey}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a journey
         * @description The ETag is its version.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    journey: string;
                    project: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            conversionWindowSeconds: number;
                            createdAt: string;
                            description: string;
                            key: string;
                            name: string;
                            steps: {
                                event: string;
                                filters: {
                                    /** @enum {string} */
                                    operator: "eq" | "neq" | "in" | "notIn" | "contains" | "gt" | "gte" | "lt" | "lte" | "exists";
                                    property: string;
                                    value?: string | number | boolean | (string | number | boolean)[];
                                }[];
                                label: string;
                            }[];
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        /**
         * Replace a journey
         * @description Everything but the key, which cannot change. Each step is a tracked event name with optional filters on its properties (eq, neq, in, notIn, contains, gt, gte, lt, lte, exists); a unit enters with step 0 and reaches each later step at or after the previous one, within `conversionWindowSeconds` of entering (60 to 7,776,000; 604,800 unless given). Send the version in If-Match or the body.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    journey: string;
                    project: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 604800 */
                        conversionWindowSeconds?: number;
                        /** @default  */
                        description?: string;
                        key?: string;
                        name: string;
                        steps: {
                            event: string;
                            filters?: ({
                                /** @enum {string} */
                                operator: "eq";
                                property: string;
                                value: string | number | boolean;
                            } | {
                                /** @enum {string} */
                                operator: "neq";
                                property: string;
                                value: string | number | boolean;
                            } | {
                                /** @enum {string} */
                                operator: "in";
                                property: string;
                                value: (string | number | boolean)[];
                            } | {
                                /** @enum {string} */
                                operator: "notIn";
                                property: string;
                                value: (string | number | boolean)[];
                            } | {
                                /** @enum {string} */
                                operator: "contains";
                                property: string;
                                value: string;
                            } | {
                                /** @enum {string} */
                                operator: "gt";
                                property: string;
                                value: number;
                            } | {
                                /** @enum {string} */
                                operator: "gte";
                                property: string;
                                value: number;
                            } | {
                                /** @enum {string} */
                                operator: "lt";
                                property: string;
                                value: number;
                            } | {
                                /** @enum {string} */
                                operator: "lte";
                                property: string;
                                value: number;
                            } | {
                                /** @enum {string} */
                                operator: "exists";
                                property: string;
                                value?: unknown;
                            })[];
                            label?: string;
                        }[];
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            conversionWindowSeconds: number;
                            createdAt: string;
                            description: string;
                            key: string;
                            name: string;
                            steps: {
                                event: string;
                                filters: {
                                    /** @enum {string} */
                                    operator: "eq" | "neq" | "in" | "notIn" | "contains" | "gt" | "gte" | "lt" | "lte" | "exists";
                                    property: string;
                                    value?: string | number | boolean | (string | number | boolean)[];
                                }[];
                                label: string;
                            }[];
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        /**
         * Delete a journey
         * @description Its events stay: only the definition goes. Refused (409) while a metric reads it; the error names them. Send the version in If-Match or as `?version=`.
         */
        delete: {
            parameters: {
                query?: {
                    version?: number;
                };
                header?: never;
                path: {
                    journey: string;
                    project: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/journeys/{journey}/conversion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A journey's conversion over time
         * @description Daily cohorts: the units that entered on each UTC day of the range (every day appears, zeros included) and how many of them reached the last step. A unit enters with its first event of step 0 (filters holding) in the range; each later step counts with the unit's earliest matching event at or after the previous step's, at most the conversion window after entry (even past `to`), and one event never counts for two steps. Breakdowns: `flag:KEY` groups units by the variant of their first exposure at or before entry, else "(none)"; `attribute:NAME` and `property:NAME` by the entry event's value, the `breakdownLimit` values with the most units first, then "(other)" and "(none)". Events of the environment from `from` (inclusive) to `to` (exclusive): by default the 30 days to now, at most 366 days. Days are UTC.
         */
        get: {
            parameters: {
                query: {
                    breakdown?: string;
                    breakdownLimit?: number;
                    environment: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path: {
                    journey: string;
                    project: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            breakdown: {
                                key: string;
                                /** @enum {string} */
                                kind: "flag" | "attribute" | "property";
                            } | null;
                            environment: string;
                            from: string;
                            groups: {
                                days: {
                                    completed: number;
                                    conversionRate: number | null;
                                    date: string;
                                    entered: number;
                                }[];
                                label: string;
                                value: string;
                            }[];
                            journey: string;
                            to: string;
                            total: {
                                days: {
                                    completed: number;
                                    conversionRate: number | null;
                                    date: string;
                                    entered: number;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/journeys/{journey}/funnel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A journey's funnel
         * @description Per step: units that reached it, conversion from the previous step and from the first, drop-off, and the median and 90th percentile of the time from entry; the time to convert of those who reached the last step. A unit enters with its first event of step 0 (filters holding) in the range; each later step counts with the unit's earliest matching event at or after the previous step's, at most the conversion window after entry (even past `to`), and one event never counts for two steps. Breakdowns: `flag:KEY` groups units by the variant of their first exposure at or before entry, else "(none)"; `attribute:NAME` and `property:NAME` by the entry event's value, the `breakdownLimit` values with the most units first, then "(other)" and "(none)". Events of the environment from `from` (inclusive) to `to` (exclusive): by default the 30 days to now, at most 366 days. Days are UTC.
         */
        get: {
            parameters: {
                query: {
                    breakdown?: string;
                    breakdownLimit?: number;
                    environment: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path: {
                    journey: string;
                    project: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            breakdown: {
                                key: string;
                                /** @enum {string} */
                                kind: "flag" | "attribute" | "property";
                            } | null;
                            conversionWindowSeconds: number;
                            environment: string;
                            from: string;
                            groups: {
                                label: string;
                                steps: {
                                    conversionFromFirst: number | null;
                                    conversionFromPrevious: number | null;
                                    dropOff: number;
                                    dropOffRate: number | null;
                                    event: string;
                                    index: number;
                                    label: string;
                                    medianSecondsFromFirst: number | null;
                                    p90SecondsFromFirst: number | null;
                                    units: number;
                                }[];
                                timeToConvert: {
                                    fromSeconds: number;
                                    toSeconds: number | null;
                                    units: number;
                                }[];
                                value: string | null;
                            }[];
                            journey: string;
                            to: string;
                            total: {
                                label: string;
                                steps: {
                                    conversionFromFirst: number | null;
                                    conversionFromPrevious: number | null;
                                    dropOff: number;
                                    dropOffRate: number | null;
                                    event: string;
                                    index: number;
                                    label: string;
                                    medianSecondsFromFirst: number | null;
                                    p90SecondsFromFirst: number | null;
                                    units: number;
                                }[];
                                timeToConvert: {
                                    fromSeconds: number;
                                    toSeconds: number | null;
                                    units: number;
                                }[];
                                value: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List metrics
         * @description Metrics by key. Pages with `cursor` (the `nextCursor` of the previous page).
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    kind?: "conversion" | "mean" | "journeyConversion" | "journeyDuration";
                    limit?: number;
                    q?: string;
                };
                header?: never;
                path: {
                    project: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            metrics: ({
                                createdAt: string;
                                description: string;
                                event: string;
                                higherIsBetter: boolean;
                                key: string;
                                /** @enum {string} */
                                kind: "conversion";
                                name: string;
                                updatedAt: string;
                                version: number;
                                where: {
                                    /** @enum {string} */
                                    operator: "eq" | "neq" | "in" | "notIn" | "contains" | "gt" | "gte" | "lt" | "lte" | "exists";
                                    property: string;
                                    value?: string | number | boolean | (string | number | boolean)[];
                                }[];
                                windowDays: number;
                            } | {
                                createdAt: string;
                                description: string;
                                event: string;
                                higherIsBetter: boolean;
                                key: string;
                                /** @enum {string} */
                                kind: "mean";
                                name: string;
                                property?: string;
                                updatedAt: string;
                                version: number;
                                where: {
                                    /** @enum {string} */
                                    operator: "eq" | "neq" | "in" | "notIn" | "contains" | "gt" | "gte" | "lt" | "lte" | "exists";
                                    property: string;
                                    value?: string | number | boolean | (string | number | boolean)[];
                                }[];
                                windowDays: number;
                            } | {
                                createdAt: string;
                                description: string;
                                higherIsBetter: boolean;
                                journey: string;
                                key: string;
                                /** @enum {string} */
                                kind: "journeyConversion";
                                name: string;
                                updatedAt: string;
                                version: number;
                                windowDays: number;
                            } | {
                                createdAt: string;
                                description: string;
                                higherIsBetter: boolean;
                                journey: string;
                                key: string;
                                /** @enum {string} */
                                kind: "journeyDuration";
                                name: string;
                                updatedAt: string;
                                version: number;
                                windowDays: number;
                            })[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a metric
         * @description `conversion`: whether the unit did `event` (passing the `where` filters, as journey steps filter events) within `windowDays` of its first exposure, 0 or 1. `mean`: per unit within the window, the sum of the numeric `property` of those events, or without `property` their count; units without any count 0. `journeyConversion`: whether the unit completed `journey` (a journey of the project, by key): entered with its first step-0 event at or after the exposure and reached the last step by the journey's rule and conversion window, all within the window; 0 or 1. `journeyDuration`: the seconds from entry to the last step, over the units that completed the journey so (the others are left out); `higherIsBetter` defaults to false. A journey that a metric reads cannot be deleted. `higherIsBetter` (default true) says which way is a win.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    project: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default  */
                        description?: string;
                        event: string;
                        /** @default true */
                        higherIsBetter?: boolean;
                        key: string;
                        /** @enum {string} */
                        kind: "conversion";
                        name: string;
                        /** @default [] */
                        where?: ({
                            /** @enum {string} */
                            operator: "eq";
                            property: string;
                            value: string | number | boolean;
                        } | {
                            /** @enum {string} */
                            operator: "neq";
                            property: string;
                            value: string | number | boolean;
                        } | {
                            /** @enum {string} */
                            operator: "in";
                            property: string;
                            value: (string | number | boolean)[];
                        } | {
                            /** @enum {string} */
                            operator: "notIn";
                            property: string;
                            value: (string | number | boolean)[];
                        } | {
                            /** @enum {string} */
                            operator: "contains";
                            property: string;
                            value: string;
                        } | {
                            /** @enum {string} */
                            operator: "gt";
                            property: string;
                            value: number;
                        } | {
                            /** @enum {string} */
                            operator: "gte";
                            property: string;
                            value: number;
                        } | {
                            /** @enum {string} */
                            operator: "lt";
                            property: string;
                            value: number;
                        } | {
                            /** @enum {string} */
                            operator: "lte";
                            property: string;
                            value: number;
                        } | {
                            /** @enum {string} */
                            operator: "exists";
                            property: string;
                            value?: unknown;
                        })[];
                        /** @default 7 */
                        windowDays?: number;
                    } | {
                        /** @default  */
                        description?: string;
                        event: string;
                        /** @default true */
                        higherIsBetter?: boolean;
                        key: string;
                        /** @enum {string} */
                        kind: "mean";
                        name: string;
                        property?: string;
                        /** @default [] */
                        where?: ({
                            /** @enum {string} */
                            operator: "eq";
                            property: string;
                            value: string | number | boolean;
                        } | {
                            /** @enum {string} */
                            operator: "neq";
                            property: string;
                            value: string | number | boolean;
                        } | {
                            /** @enum {string} */
                            operator: "in";
                            property: string;
                            value: (string | number | boolean)[];
                        } | {
                            /** @enum {string} */
                            operator: "notIn";
                            property: string;
                            value: (string | number | boolean)[];
                        } | {
                            /** @enum {string} */
                            operator: "contains";
                            property: string;
                            value: string;
                        } | {
                            /** @enum {string} */
                            operator: "gt";
                            property: string;
                            value: number;
                        } | {
                            /** @enum {string} */
                            operator: "gte";
                            property: string;
                            value: number;
                        } | {
                            /** @enum {string} */
                            operator: "lt";
                            property: string;
                            value: number;
                        } | {
                            /** @enum {string} */
                            operator: "lte";
                            property: string;
                            value: number;
                        } | {
                            /** @enum {string} */
                            operator: "exists";
                            property: string;
                            value?: unknown;
                        })[];
                        /** @default 7 */
                        windowDays?: number;
                    } | {
                        /** @default  */
                        description?: string;
                        /** @default true */
                        higherIsBetter?: boolean;
                        journey: string;
                        key: string;
                        /** @enum {string} */
                        kind: "journeyConversion";
                        name: string;
                        /** @default 7 */
                        windowDays?: number;
                    } | {
                        /** @default  */
                        description?: string;
                        /** @default false */
                        higherIsBetter?: boolean;
                        journey: string;
                        key: string;
                        /** @enum {string} */
                        kind: "journeyDuration";
                        name: string;
                        /** @default 7 */
                        windowDays?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string;
                            event: string;
                            higherIsBetter: boolean;
                            key: string;
                            /** @enum {string} */
                            kind: "conversion";
                            name: string;
                            updatedAt: string;
                            version: number;
                            where: {
                                /** @enum {string} */
                                operator: "eq" | "neq" | "in" | "notIn" | "contains" | "gt" | "gte" | "lt" | "lte" | "exists";
                                property: string;
                                value?: string | number | boolean | (string | number | boolean)[];
                            }[];
                            windowDays: number;
                        } | {
                            createdAt: string;
                            description: string;
                            event: string;
                            higherIsBetter: boolean;
                            key: string;
                            /** @enum {string} */
                            kind: "mean";
                            name: string;
                            property?: string;
                            updatedAt: string;
                            version: number;
                            where: {
                                /** @enum {string} */
                                operator: "eq" | "neq" | "in" | "notIn" | "contains" | "gt" | "gte" | "lt" | "lte" | "exists";
                                property: string;
                                value?: string | number | boolean | (string | number | boolean)[];
                            }[];
                            windowDays: number;
                        } | {
                            createdAt: string;
                            description: string;
                            higherIsBetter: boolean;
                            journey: string;
                            key: string;
                            /** @enum {string} */
                            kind: "journeyConversion";
                            name: string;
                            updatedAt: string;
                            version: number;
                            windowDays: number;
                        } | {
                            createdAt: string;
                            description: string;
                            higherIsBetter: boolean;
                            journey: string;
                            key: string;
                            /** @enum {string} */
                            kind: "journeyDuration";
                            name: string;
                            updatedAt: string;
                            version: number;
                            windowDays: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/metrics/{metric}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a metric
         * @description The ETag is its version.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    metric: string;
                    project: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string;
                            event: string;
                            higherIsBetter: boolean;
                            key: string;
                            /** @enum {string} */
                            kind: "conversion";
                            name: string;
                            updatedAt: string;
                            version: number;
                            where: {
                                /** @enum {string} */
                                operator: "eq" | "neq" | "in" | "notIn" | "contains" | "gt" | "gte" | "lt" | "lte" | "exists";
                                property: string;
                                value?: string | number | boolean | (string | number | boolean)[];
                            }[];
                            windowDays: number;
                        } | {
                            createdAt: string;
                            description: string;
                            event: string;
                            higherIsBetter: boolean;
                            key: string;
                            /** @enum {string} */
                            kind: "mean";
                            name: string;
                            property?: string;
                            updatedAt: string;
                            version: number;
                            where: {
                                /** @enum {string} */
                                operator: "eq" | "neq" | "in" | "notIn" | "contains" | "gt" | "gte" | "lt" | "lte" | "exists";
                                property: string;
                                value?: string | number | boolean | (string | number | boolean)[];
                            }[];
                            windowDays: number;
                        } | {
                            createdAt: string;
                            description: string;
                            higherIsBetter: boolean;
                            journey: string;
                            key: string;
                            /** @enum {string} */
                            kind: "journeyConversion";
                            name: string;
                            updatedAt: string;
                            version: number;
                            windowDays: number;
                        } | {
                            createdAt: string;
                            description: string;
                            higherIsBetter: boolean;
                            journey: string;
                            key: string;
                            /** @enum {string} */
                            kind: "journeyDuration";
                            name: string;
                            updatedAt: string;
                            version: number;
                            windowDays: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        /**
         * Replace a metric
         * @description Every field but the key, which is fixed; fields left out take their defaults. `conversion`: whether the unit did `event` (passing the `where` filters, as journey steps filter events) within `windowDays` of its first exposure, 0 or 1. `mean`: per unit within the window, the sum of the numeric `property` of those events, or without `property` their count; units without any count 0. `journeyConversion`: whether the unit completed `journey` (a journey of the project, by key): entered with its first step-0 event at or after the exposure and reached the last step by the journey's rule and conversion window, all within the window; 0 or 1. `journeyDuration`: the seconds from entry to the last step, over the units that completed the journey so (the others are left out); `higherIsBetter` defaults to false. A journey that a metric reads cannot be deleted. Experiments read the metric as it is now, so their results follow the change. Send the version in If-Match or the body.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    metric: string;
                    project: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default  */
                        description?: string;
                        event: string;
                        /** @default true */
                        higherIsBetter?: boolean;
                        /** @enum {string} */
                        kind: "conversion";
                        name: string;
                        version?: number;
                        /** @default [] */
                        where?: ({
                            /** @enum {string} */
                            operator: "eq";
                            property: string;
                            value: string | number | boolean;
                        } | {
                            /** @enum {string} */
                            operator: "neq";
                            property: string;
                            value: string | number | boolean;
                        } | {
                            /** @enum {string} */
                            operator: "in";
                            property: string;
                            value: (string | number | boolean)[];
                        } | {
                            /** @enum {string} */
                            operator: "notIn";
                            property: string;
                            value: (string | number | boolean)[];
                        } | {
                            /** @enum {string} */
                            operator: "contains";
                            property: string;
                            value: string;
                        } | {
                            /** @enum {string} */
                            operator: "gt";
                            property: string;
                            value: number;
                        } | {
                            /** @enum {string} */
                            operator: "gte";
                            property: string;
                            value: number;
                        } | {
                            /** @enum {string} */
                            operator: "lt";
                            property: string;
                            value: number;
                        } | {
                            /** @enum {string} */
                            operator: "lte";
                            property: string;
                            value: number;
                        } | {
                            /** @enum {string} */
                            operator: "exists";
                            property: string;
                            value?: unknown;
                        })[];
                        /** @default 7 */
                        windowDays?: number;
                    } | {
                        /** @default  */
                        description?: string;
                        event: string;
                        /** @default true */
                        higherIsBetter?: boolean;
                        /** @enum {string} */
                        kind: "mean";
                        name: string;
                        property?: string;
                        version?: number;
                        /** @default [] */
                        where?: ({
                            /** @enum {string} */
                            operator: "eq";
                            property: string;
                            value: string | number | boolean;
                        } | {
                            /** @enum {string} */
                            operator: "neq";
                            property: string;
                            value: string | number | boolean;
                        } | {
                            /** @enum {string} */
                            operator: "in";
                            property: string;
                            value: (string | number | boolean)[];
                        } | {
                            /** @enum {string} */
                            operator: "notIn";
                            property: string;
                            value: (string | number | boolean)[];
                        } | {
                            /** @enum {string} */
                            operator: "contains";
                            property: string;
                            value: string;
                        } | {
                            /** @enum {string} */
                            operator: "gt";
                            property: string;
                            value: number;
                        } | {
                            /** @enum {string} */
                            operator: "gte";
                            property: string;
                            value: number;
                        } | {
                            /** @enum {string} */
                            operator: "lt";
                            property: string;
                            value: number;
                        } | {
                            /** @enum {string} */
                            operator: "lte";
                            property: string;
                            value: number;
                        } | {
                            /** @enum {string} */
                            operator: "exists";
                            property: string;
                            value?: unknown;
                        })[];
                        /** @default 7 */
                        windowDays?: number;
                    } | {
                        /** @default  */
                        description?: string;
                        /** @default true */
                        higherIsBetter?: boolean;
                        journey: string;
                        /** @enum {string} */
                        kind: "journeyConversion";
                        name: string;
                        version?: number;
                        /** @default 7 */
                        windowDays?: number;
                    } | {
                        /** @default  */
                        description?: string;
                        /** @default false */
                        higherIsBetter?: boolean;
                        journey: string;
                        /** @enum {string} */
                        kind: "journeyDuration";
                        name: string;
                        version?: number;
                        /** @default 7 */
                        windowDays?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string;
                            event: string;
                            higherIsBetter: boolean;
                            key: string;
                            /** @enum {string} */
                            kind: "conversion";
                            name: string;
                            updatedAt: string;
                            version: number;
                            where: {
                                /** @enum {string} */
                                operator: "eq" | "neq" | "in" | "notIn" | "contains" | "gt" | "gte" | "lt" | "lte" | "exists";
                                property: string;
                                value?: string | number | boolean | (string | number | boolean)[];
                            }[];
                            windowDays: number;
                        } | {
                            createdAt: string;
                            description: string;
                            event: string;
                            higherIsBetter: boolean;
                            key: string;
                            /** @enum {string} */
                            kind: "mean";
                            name: string;
                            property?: string;
                            updatedAt: string;
                            version: number;
                            where: {
                                /** @enum {string} */
                                operator: "eq" | "neq" | "in" | "notIn" | "contains" | "gt" | "gte" | "lt" | "lte" | "exists";
                                property: string;
                                value?: string | number | boolean | (string | number | boolean)[];
                            }[];
                            windowDays: number;
                        } | {
                            createdAt: string;
                            description: string;
                            higherIsBetter: boolean;
                            journey: string;
                            key: string;
                            /** @enum {string} */
                            kind: "journeyConversion";
                            name: string;
                            updatedAt: string;
                            version: number;
                            windowDays: number;
                        } | {
                            createdAt: string;
                            description: string;
                            higherIsBetter: boolean;
                            journey: string;
                            key: string;
                            /** @enum {string} */
                            kind: "journeyDuration";
                            name: string;
                            updatedAt: string;
                            version: number;
                            windowDays: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        /**
         * Delete a metric
         * @description Refused (409) while an experiment reads it; the error names them. Send the version in If-Match.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    metric: string;
                    project: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/segments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List segments
         * @description Segments by key, with the sizes of their lists. Pages with `cursor` (the `nextCursor` of the previous page).
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    q?: string;
                };
                header?: never;
                path: {
                    project: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            nextCursor: string | null;
                            segments: {
                                createdAt: string;
                                description: string;
                                excluded: number;
                                included: number;
                                key: string;
                                name: string;
                                ruleGroups: number;
                                updatedAt: string;
                                version: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a segment
         * @description A context is in the segment when its key is not excluded and it is included or matches a rule group. Segments named in the rules must exist and must not lead back to this one; `include` and `exclude` list each key once, at most 10,000 each.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    project: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default  */
                        description?: string;
                        exclude?: string[];
                        include?: string[];
                        key: string;
                        name: string;
                        rules?: ({
                            negate?: boolean;
                            segment: string;
                        } | ({
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "eq";
                            values: (string | number | boolean)[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "contains";
                            values: string[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "startsWith";
                            values: string[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "endsWith";
                            values: string[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "matches";
                            values: string[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "lt";
                            values: number[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "lte";
                            values: number[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "gt";
                            values: number[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "gte";
                            values: number[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "before";
                            values: (string | number)[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "after";
                            values: (string | number)[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "semverEq";
                            values: string[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "semverLt";
                            values: string[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "semverGt";
                            values: string[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "exists";
                            values?: [
                            ];
                        }))[][];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string;
                            exclude: string[];
                            include: string[];
                            key: string;
                            name: string;
                            rules: ({
                                negate?: boolean;
                                segment: string;
                            } | ({
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "eq";
                                values: (string | number | boolean)[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "contains";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "startsWith";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "endsWith";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "matches";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "lt";
                                values: number[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "lte";
                                values: number[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "gt";
                                values: number[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "gte";
                                values: number[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "before";
                                values: (string | number)[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "after";
                                values: (string | number)[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "semverEq";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "semverLt";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "semverGt";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "exists";
                                values?: [
                                ];
                            }))[][];
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/segments/{segment}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a segment
         * @description The ETag is its version.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    project: string;
                    segment: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string;
                            exclude: string[];
                            include: string[];
                            key: string;
                            name: string;
                            rules: ({
                                negate?: boolean;
                                segment: string;
                            } | ({
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "eq";
                                values: (string | number | boolean)[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "contains";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "startsWith";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "endsWith";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "matches";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "lt";
                                values: number[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "lte";
                                values: number[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "gt";
                                values: number[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "gte";
                                values: number[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "before";
                                values: (string | number)[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "after";
                                values: (string | number)[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "semverEq";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "semverLt";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "semverGt";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "exists";
                                values?: [
                                ];
                            }))[][];
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        /**
         * Replace a segment
         * @description Lists and rules left out become empty. Segments named in the rules must exist and must not lead back to this one; `include` and `exclude` list each key once, at most 10,000 each. Send the version in If-Match or the body.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    project: string;
                    segment: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default  */
                        description?: string;
                        exclude?: string[];
                        include?: string[];
                        name: string;
                        rules?: ({
                            negate?: boolean;
                            segment: string;
                        } | ({
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "eq";
                            values: (string | number | boolean)[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "contains";
                            values: string[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "startsWith";
                            values: string[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "endsWith";
                            values: string[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "matches";
                            values: string[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "lt";
                            values: number[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "lte";
                            values: number[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "gt";
                            values: number[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "gte";
                            values: number[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "before";
                            values: (string | number)[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "after";
                            values: (string | number)[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "semverEq";
                            values: string[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "semverLt";
                            values: string[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "semverGt";
                            values: string[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "exists";
                            values?: [
                            ];
                        }))[][];
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string;
                            exclude: string[];
                            include: string[];
                            key: string;
                            name: string;
                            rules: ({
                                negate?: boolean;
                                segment: string;
                            } | ({
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "eq";
                                values: (string | number | boolean)[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "contains";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "startsWith";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "endsWith";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "matches";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "lt";
                                values: number[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "lte";
                                values: number[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "gt";
                                values: number[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "gte";
                                values: number[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "before";
                                values: (string | number)[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "after";
                                values: (string | number)[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "semverEq";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "semverLt";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "semverGt";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "exists";
                                values?: [
                                ];
                            }))[][];
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        /**
         * Delete a segment
         * @description Refused while a flag configuration (even of an archived flag) or another segment refers to it; the error names them. Send the version in If-Match.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    project: string;
                    segment: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change part of a segment
         * @description Replaces the fields given and keeps the others. Segments named in the rules must exist and must not lead back to this one; `include` and `exclude` list each key once, at most 10,000 each.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    project: string;
                    segment: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        exclude?: string[];
                        include?: string[];
                        name?: string;
                        rules?: ({
                            negate?: boolean;
                            segment: string;
                        } | ({
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "eq";
                            values: (string | number | boolean)[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "contains";
                            values: string[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "startsWith";
                            values: string[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "endsWith";
                            values: string[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "matches";
                            values: string[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "lt";
                            values: number[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "lte";
                            values: number[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "gt";
                            values: number[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "gte";
                            values: number[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "before";
                            values: (string | number)[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "after";
                            values: (string | number)[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "semverEq";
                            values: string[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "semverLt";
                            values: string[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "semverGt";
                            values: string[];
                        } | {
                            attr: string;
                            negate?: boolean;
                            /** @enum {string} */
                            op: "exists";
                            values?: [
                            ];
                        }))[][];
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string;
                            exclude: string[];
                            include: string[];
                            key: string;
                            name: string;
                            rules: ({
                                negate?: boolean;
                                segment: string;
                            } | ({
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "eq";
                                values: (string | number | boolean)[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "contains";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "startsWith";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "endsWith";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "matches";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "lt";
                                values: number[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "lte";
                                values: number[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "gt";
                                values: number[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "gte";
                                values: number[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "before";
                                values: (string | number)[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "after";
                                values: (string | number)[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "semverEq";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "semverLt";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "semverGt";
                                values: string[];
                            } | {
                                attr: string;
                                negate?: boolean;
                                /** @enum {string} */
                                op: "exists";
                                values?: [
                                ];
                            }))[][];
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/projects/{project}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Feature usage by day
         * @description For each tracked event named (`event`, repeated for up to 10): distinct units and events over the range and on each UTC day (every day appears). Breakdowns: `flag:KEY` puts each event under the variant its unit was first exposed to at or before it, else "(none)"; `attribute:NAME` and `property:NAME` under each event's own value, the `breakdownLimit` values with the most units first, then "(other)" and "(none)". Events of the environment from `from` (inclusive) to `to` (exclusive): by default the 30 days to now, at most 366 days. Days are UTC.
         */
        get: {
            parameters: {
                query: {
                    breakdown?: string;
                    breakdownLimit?: number;
                    environment: string;
                    event: string | string[];
                    from?: string;
                    to?: string;
                };
                header?: never;
                path: {
                    project: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            breakdown: {
                                key: string;
                                /** @enum {string} */
                                kind: "flag" | "attribute" | "property";
                            } | null;
                            environment: string;
                            from: string;
                            series: {
                                event: string;
                                groups: {
                                    days: {
                                        date: string;
                                        events: number;
                                        units: number;
                                    }[];
                                    events: number;
                                    label: string;
                                    units: number;
                                    value: string;
                                }[];
                                total: {
                                    days: {
                                        date: string;
                                        events: number;
                                        units: number;
                                    }[];
                                    events: number;
                                    units: number;
                                };
                            }[];
                            to: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project}/usage/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The most used events
         * @description Tracked event names by distinct units, most first, then by name, with their event counts. Events of the environment from `from` (inclusive) to `to` (exclusive): by default the 30 days to now, at most 366 days. Days are UTC.
         */
        get: {
            parameters: {
                query: {
                    environment: string;
                    from?: string;
                    limit?: number;
                    to?: string;
                };
                header?: never;
                path: {
                    project: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            environment: string;
                            events: {
                                events: number;
                                name: string;
                                units: number;
                            }[];
                            from: string;
                            to: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sdk/client-stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Hear when to evaluate again (Server-Sent Events)
         * @description For client keys, as `Authorization: Bearer` or, for EventSource, which cannot send headers, `?key=` (client keys are public by design). `text/event-stream`: `retry: 1000`, then `event: ready` with `id:` and `data: {"version":N}`; after every change in the environment `event: changed` with the new version, and no flags: the browser then asks /sdk/evaluate again. A `: ping` comment every 15 s. The stream ends when the key is revoked or the server stops.
         */
        get: {
            parameters: {
                query?: {
                    key?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        /**
         * CORS preflight
         * @description Answered for any origin: a preflight carries no key. The actual request checks the key's environment's `corsOrigins`.
         */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sdk/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Evaluate the client-side flags for one context
         * @description For client keys (safe to ship in a browser). Evaluates the flags of the key's environment marked `clientSide`, on the server, for the context given, and answers their values: `{"value","variant","reason"}` per flag, or `{"reason":"ERROR","errorCode"}`. Rules, segments and other flags are never sent. The body is at most 64 KB with at most 100 attributes. Each key may make 50 requests a second with bursts of 100 by default (`DIAL_CLIENT_RATE_LIMIT`), per server process; over it, 429 with Retry-After. A browser on an origin the environment's `corsOrigins` does not allow gets 403 origin_not_allowed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        context: {
                            [key: string]: components["schemas"]["JsonValue3Input"];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            flags: {
                                [key: string]: {
                                    /** @enum {string} */
                                    reason: "DISABLED" | "PREREQUISITE_FAILED" | "TARGETING_MATCH" | "SPLIT" | "DEFAULT";
                                    value: components["schemas"]["JsonValue4"];
                                    variant: string;
                                } | {
                                    /** @enum {string} */
                                    errorCode: "FLAG_NOT_FOUND" | "TARGETING_KEY_MISSING" | "PARSE_ERROR";
                                    /** @enum {string} */
                                    reason: "ERROR";
                                };
                            };
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        /**
         * CORS preflight
         * @description Answered for any origin: a preflight carries no key. The actual request checks the key's environment's `corsOrigins`.
         */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sdk/snapshot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the environment's snapshot
         * @description For server SDK keys. The ETag is the snapshot version: send it back in If-None-Match to get 304 while nothing changed. Compressed with br or gzip when accepted.
         */
        get: {
            parameters: {
                query?: never;
                header?: {
                    "if-none-match"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            flags: {
                                enabled: boolean;
                                fallthrough: {
                                    variant: string;
                                } | {
                                    rollout: {
                                        bucketBy?: string;
                                        salt?: string;
                                        split: {
                                            variant: string;
                                            weight: number;
                                        }[];
                                    };
                                };
                                key: string;
                                offVariant: string;
                                prerequisites?: {
                                    flag: string;
                                    variant: string;
                                }[];
                                rules: {
                                    id: string;
                                    serve: {
                                        variant: string;
                                    } | {
                                        rollout: {
                                            bucketBy?: string;
                                            salt?: string;
                                            split: {
                                                variant: string;
                                                weight: number;
                                            }[];
                                        };
                                    };
                                    when: ({
                                        negate?: boolean;
                                        segment: string;
                                    } | ({
                                        attr: string;
                                        negate?: boolean;
                                        /** @enum {string} */
                                        op: "eq";
                                        values: (string | number | boolean)[];
                                    } | {
                                        attr: string;
                                        negate?: boolean;
                                        /** @enum {string} */
                                        op: "contains";
                                        values: string[];
                                    } | {
                                        attr: string;
                                        negate?: boolean;
                                        /** @enum {string} */
                                        op: "startsWith";
                                        values: string[];
                                    } | {
                                        attr: string;
                                        negate?: boolean;
                                        /** @enum {string} */
                                        op: "endsWith";
                                        values: string[];
                                    } | {
                                        attr: string;
                                        negate?: boolean;
                                        /** @enum {string} */
                                        op: "matches";
                                        values: string[];
                                    } | {
                                        attr: string;
                                        negate?: boolean;
                                        /** @enum {string} */
                                        op: "lt";
                                        values: number[];
                                    } | {
                                        attr: string;
                                        negate?: boolean;
                                        /** @enum {string} */
                                        op: "lte";
                                        values: number[];
                                    } | {
                                        attr: string;
                                        negate?: boolean;
                                        /** @enum {string} */
                                        op: "gt";
                                        values: number[];
                                    } | {
                                        attr: string;
                                        negate?: boolean;
                                        /** @enum {string} */
                                        op: "gte";
                                        values: number[];
                                    } | {
                                        attr: string;
                                        negate?: boolean;
                                        /** @enum {string} */
                                        op: "before";
                                        values: (string | number)[];
                                    } | {
                                        attr: string;
                                        negate?: boolean;
                                        /** @enum {string} */
                                        op: "after";
                                        values: (string | number)[];
                                    } | {
                                        attr: string;
                                        negate?: boolean;
                                        /** @enum {string} */
                                        op: "semverEq";
                                        values: string[];
                                    } | {
                                        attr: string;
                                        negate?: boolean;
                                        /** @enum {string} */
                                        op: "semverLt";
                                        values: string[];
                                    } | {
                                        attr: string;
                                        negate?: boolean;
                                        /** @enum {string} */
                                        op: "semverGt";
                                        values: string[];
                                    } | {
                                        attr: string;
                                        negate?: boolean;
                                        /** @enum {string} */
                                        op: "exists";
                                        values?: [
                                        ];
                                    }))[];
                                }[];
                                variants: {
                                    [key: string]: components["schemas"]["JsonValue2"];
                                };
                            }[];
                            segments: {
                                exclude?: string[];
                                include?: string[];
                                key: string;
                                rules?: ({
                                    negate?: boolean;
                                    segment: string;
                                } | ({
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "eq";
                                    values: (string | number | boolean)[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "contains";
                                    values: string[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "startsWith";
                                    values: string[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "endsWith";
                                    values: string[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "matches";
                                    values: string[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "lt";
                                    values: number[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "lte";
                                    values: number[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "gt";
                                    values: number[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "gte";
                                    values: number[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "before";
                                    values: (string | number)[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "after";
                                    values: (string | number)[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "semverEq";
                                    values: string[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "semverLt";
                                    values: string[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "semverGt";
                                    values: string[];
                                } | {
                                    attr: string;
                                    negate?: boolean;
                                    /** @enum {string} */
                                    op: "exists";
                                    values?: [
                                    ];
                                }))[][];
                            }[];
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sdk/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stream the environment's changes (Server-Sent Events)
         * @description For server SDK keys. `text/event-stream`: first `retry: 1000`, then `event: snapshot` with the whole snapshot, or `event: ready` with `{"version":N}` when Last-Event-ID (header, or `lastEventId` query) is the current version N. Then one `event: change` per changed flag or segment: `{"version","type":"flag.put"|"flag.delete"|"segment.put"|"segment.delete","key","flag"|"segment"}`, each with `id:` the new version; a `: ping` comment every 15 s. The stream ends when the key is revoked or the server stops.
         */
        get: {
            parameters: {
                query?: {
                    lastEventId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who am I
         * @description The session of the `dial_session` cookie, with its CSRF token: 401 when there is none or it has ended.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            csrfToken: string;
                            expiresAt: string;
                            token: {
                                hint: string;
                                id: number;
                                name: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Sign in
         * @description Exchanges an admin token for the `dial_session` cookie (HttpOnly, SameSite=Strict; Secure over HTTPS). It ends after 12 hours unused, after 7 days in any case, at sign-out, or when the token is revoked. Changes made with the cookie must send `csrfToken` as the x-csrf-token header.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            csrfToken: string;
                            expiresAt: string;
                            token: {
                                hint: string;
                                id: number;
                                name: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        /**
         * Sign out
         * @description Ends the session of the cookie and clears it. Needs the x-csrf-token header while the session is alive.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tokens
         * @description Secrets are never shown again after creation; `hint` identifies a token.
         */
        get: {
            parameters: {
                query?: {
                    includeRevoked?: "true" | "false";
                    kind?: "admin" | "server" | "client";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tokens: {
                                createdAt: string;
                                createdBy: string;
                                environment: string | null;
                                hint: string;
                                id: number;
                                /** @enum {string} */
                                kind: "admin" | "server" | "client";
                                name: string;
                                project: string | null;
                                revokedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a token
         * @description Admin tokens manage everything. Server SDK keys read one environment's snapshot; client keys evaluate flags for one context in one environment and are safe in a browser. The secret is in this response only.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        environment?: string;
                        /** @enum {string} */
                        kind: "admin" | "server" | "client";
                        name: string;
                        project?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            secret: string;
                            token: {
                                createdAt: string;
                                createdBy: string;
                                environment: string | null;
                                hint: string;
                                id: number;
                                /** @enum {string} */
                                kind: "admin" | "server" | "client";
                                name: string;
                                project: string | null;
                                revokedAt: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a token
         * @description Takes effect at once. The last active admin token cannot be revoked.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                details?: unknown;
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is up */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers and every migration is applied */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            database: string;
                            /** @enum {string} */
                            status: "ready";
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reason: string;
                            /** @enum {string} */
                            status: "unavailable";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        JsonValue: string | number | boolean | null | components["schemas"]["JsonValue"][] | {
            [key: string]: components["schemas"]["JsonValue"];
        };
        JsonValue2: string | number | boolean | null | components["schemas"]["JsonValue2"][] | {
            [key: string]: components["schemas"]["JsonValue2"];
        };
        JsonValue2Input: string | number | boolean | null | components["schemas"]["JsonValue2Input"][] | {
            [key: string]: components["schemas"]["JsonValue2Input"];
        };
        JsonValue3: string | number | boolean | null | components["schemas"]["JsonValue3"][] | {
            [key: string]: components["schemas"]["JsonValue3"];
        };
        JsonValue3Input: string | number | boolean | null | components["schemas"]["JsonValue3Input"][] | {
            [key: string]: components["schemas"]["JsonValue3Input"];
        };
        JsonValue4: string | number | boolean | null | components["schemas"]["JsonValue4"][] | {
            [key: string]: components["schemas"]["JsonValue4"];
        };
        JsonValue4Input: string | number | boolean | null | components["schemas"]["JsonValue4Input"][] | {
            [key: string]: components["schemas"]["JsonValue4Input"];
        };
        JsonValue5: string | number | boolean | null | components["schemas"]["JsonValue5"][] | {
            [key: string]: components["schemas"]["JsonValue5"];
        };
        JsonValue5Input: string | number | boolean | null | components["schemas"]["JsonValue5Input"][] | {
            [key: string]: components["schemas"]["JsonValue5Input"];
        };
        JsonValueInput: string | number | boolean | null | components["schemas"]["JsonValueInput"][] | {
            [key: string]: components["schemas"]["JsonValueInput"];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
