-- POST a JSON body read from the BODY environment variable (the path comes from the command line).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = os.getenv("BODY")
