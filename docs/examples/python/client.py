#!/usr/bin/env python3
"""The README's three calls over gRPC from Python: a prediction with its reasons, a precedent search and, given a
letter file and an admin key, an add.

    python3 client.py [address] [letter-file]

The address defaults to 127.0.0.1:5000; the admin key is read from IMRPREDICT_ADMIN_KEY. The messages come from the
contract, generated once into a folder on PYTHONPATH (see README.md beside this file). The calls name their methods
directly, so no gRPC code generator is needed: grpcio and protobuf are enough.
"""
import os
import sys

import grpc
from imrpredict.v1 import imrpredict_pb2 as pb

SERVICE = "/imrpredict.v1.ImrPredictService/"


def method(channel, name, request, response):
    """One unary method of the service, by name."""
    return channel.unary_unary(SERVICE + name, request_serializer=request.SerializeToString,
                               response_deserializer=response.FromString)


def main(argv):
    address = argv[1] if len(argv) > 1 else "127.0.0.1:5000"
    letter_file = argv[2] if len(argv) > 2 else None
    with grpc.insecure_channel(address) as channel:
        predict = method(channel, "Predict", pb.PredictRequest, pb.PredictResponse)
        search = method(channel, "SearchPrecedents", pb.SearchPrecedentsRequest, pb.SearchPrecedentsResponse)
        add = method(channel, "AddDeterminations", pb.AddDeterminationsRequest, pb.AddDeterminationsResponse)
        try:
            # 1. How likely is this denial to be overturned, and why?
            prediction = predict(pb.PredictRequest(
                clinical_summary="Low back pain radiating to the left leg with 4/5 weakness after six weeks of physical therapy.",
                items=[pb.ItemRequest(requested_item="MRI of the lumbar spine")], contributions=3, precedents=2), timeout=30)
            for item in prediction.items:
                print(f"predict: {item.requested_item}: p(overturned) {item.p_overturned:.3f}, {item.decision} (model {prediction.model_version})")
                for reason in item.reasons:
                    print(f"  reason: {reason.text}")

            # 2. Which prior decisions reasoned about this?
            page = search(pb.SearchPrecedentsRequest(query="low back MRI without red flags", page_size=5), timeout=30)
            print(f"search: {page.total_matches} matches ({page.mode})")
            for hit in page.hits:
                print(f"  {hit.id} {hit.case_number} {hit.decision}: {hit.requested_item}")

            # 3. Add a decided letter (PDF or text) with the admin key; it is searchable when the call returns.
            if letter_file:
                with open(letter_file, "rb") as f:
                    content = f.read()
                name = os.path.basename(letter_file)
                letter = (pb.LetterContent(pdf=content, source=name) if name.lower().endswith(".pdf")
                          else pb.LetterContent(text=content.decode("utf-8"), source=name))
                key = os.environ.get("IMRPREDICT_ADMIN_KEY", "")
                added = add(pb.AddDeterminationsRequest(letters=[letter]), metadata=[("x-api-key", key)], timeout=60)
                print(f"add: {added.letters_added} letter(s), {added.items_added} item(s), searchable {added.searchable}: {', '.join(added.letter_ids)}")
        except grpc.RpcError as e:
            # INVALID_ARGUMENT, UNAVAILABLE (no model yet), UNAUTHENTICATED (no admin key): the status says which and why.
            print(f"{e.code().name}: {e.details()}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
